package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.wucheng.cq.imports.ImportKind;

/** Issue 14: columns found under their IMPORT.md header or an export's other name for them. */
class HeaderTests {

	@Test
	void noTwoColumnsOfAListShareAHeaderOrAlias() {
		for (ImportKind kind : ImportKind.values()) {
			List<String> names = new ArrayList<>();
			for (Column c : importer(kind).columns()) {
				c.names().forEach(n -> names.add(Header.normalize(n)));
			}
			assertThat(names).as(kind.path()).doesNotHaveDuplicates();
		}
	}

	@Test
	void theCommonExportNamesOfTheCaseListFindTheirColumns() {
		String[] export = { "案件状态", "案件编号", "处罚决定书文号", "案件类别", "执法门类", "办案单位", "立案日期", "结案日期",
				"第一承办人", "承办人2" };
		Header header = Header.of(3, export, new CaseImporter(null).columns());
		assertThat(new CaseImporter(null).missing(header)).isEmpty();
		assertThat(header.position(CaseImporter.LEAD)).isEqualTo(8);
		assertThat(header.position(CaseImporter.CO)).isEqualTo(9);
		assertThat(header.position(CaseImporter.CONCLUDED)).isEqualTo(7);
		assertThat(header.position(CaseImporter.DOMAIN)).isEqualTo(4);
		assertThat(header.position(CaseImporter.DECISION_NO)).isEqualTo(2);
		assertThat(header.label(CaseImporter.LEAD)).isEqualTo("第一承办人");
		assertThat(header.label(CaseImporter.CASE_NO)).isEqualTo("案件编号");
		assertThat(header.ambiguous()).isEmpty();
	}

	@Test
	void aTitleRowNamesNoRequiredColumn() {
		Header title = Header.of(1, new String[] { "武城县综合行政执法局案件清单", "", "" }, new CaseImporter(null).columns());
		CaseImporter cases = new CaseImporter(null);
		assertThat(cases.missing(title)).containsExactlyElementsOf(
				cases.columns().stream().filter(Column::required).toList());
	}

	@Test
	void aSingleHandlerColumnStandsForLeadAndCoHandlerOnlyWhenTheFileHasNeither() {
		CaseImporter cases = new CaseImporter(null);
		String[] platform = { "案件编号", "案件类别", "执法门类", "办案单位", "立案日期", "承办人" };
		assertThat(cases.missing(Header.of(1, platform, cases.columns()))).isEmpty();
		String[] half = { "案件编号", "案件类别", "执法门类", "办案单位", "立案日期", "承办人", "第一承办人" };
		assertThat(cases.missing(Header.of(1, half, cases.columns()))).containsExactly(CaseImporter.CO);
	}

	@Test
	void twoHeadersForTheSameColumnAreAmbiguousInFileOrder() {
		Header header = Header.of(1, new String[] { "主办人员", "案件编号", "*主办人工号" }, new CaseImporter(null).columns());
		assertThat(header.ambiguous()).containsOnlyKeys(CaseImporter.LEAD);
		assertThat(header.ambiguous().get(CaseImporter.LEAD)).containsExactly("主办人员", "主办人工号");
	}

	private static ListImporter<?> importer(ImportKind kind) {
		return switch (kind) {
			case DOMAINS -> new DomainImporter(null);
			case UNITS -> new UnitImporter(null);
			case PEOPLE -> new PersonImporter(null);
			case CASES -> new CaseImporter(null);
			case DEDUCTIONS -> new DeductionImporter(null);
			case AWARDS -> new AwardImporter(null);
			case TRAINING_HOURS -> new TrainingHoursImporter(null);
		};
	}

}
