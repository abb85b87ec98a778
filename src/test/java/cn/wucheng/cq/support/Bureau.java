package cn.wucheng.cq.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a bureau in the test database in domain language: {@code bureau.squad("直属一中队", "直属中队")},
 * {@code bureau.officer("A001", "张三", squad)}, {@code bureau.concludedCase("C1", "简易程序", squad, lead, co, date)}.
 * Inserts rows directly so tests of scoring, pages and the API need no importer. Ids are returned for scoping.
 */
public final class Bureau {

	private final JdbcClient jdbc;

	private int sequence;

	public Bureau(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit; type is the Chinese label (直属中队, 一类中队, 二类中队, 科室, 指挥中心). */
	public long unit(String name, String typeLabel) {
		String type = switch (typeLabel) {
			case "直属中队" -> "DIRECT_SQUAD";
			case "一类中队" -> "CLASS1_SQUAD";
			case "二类中队" -> "CLASS2_SQUAD";
			case "科室" -> "SECTION";
			case "指挥中心" -> "COMMAND_CENTRE";
			default -> throw new IllegalArgumentException(typeLabel);
		};
		jdbc.sql("insert into unit (name, type) values (?, ?)").params(name, type).update();
		return jdbc.sql("select id from unit where name = ?").param(name).query(Long.class).single();
	}

	/** Sets a squad's managed domains by name. */
	public void manages(long unitId, String... domainNames) {
		for (String d : domainNames) {
			jdbc.sql("insert into unit_domain (unit_id, domain_id) select ?, id from domain where name = ?")
				.params(unitId, d)
				.update();
		}
	}

	/** A formal officer (正式执法人员), male, 40 years old in 2024, 队员. */
	public long officer(String employeeNo, String name, long unitId) {
		return person(employeeNo, name, "MALE", LocalDate.of(1984, 1, 1), "FORMAL", unitId, "MEMBER");
	}

	/** Auxiliary staff (辅助人员). */
	public long auxiliary(String employeeNo, String name, long unitId) {
		return person(employeeNo, name, "MALE", LocalDate.of(1990, 1, 1), "AUXILIARY", unitId, "AUXILIARY_MEMBER");
	}

	public long person(String employeeNo, String name, String sex, LocalDate birthDate, String category, long unitId,
			String post) {
		jdbc.sql("""
				insert into person (employee_no, name, sex, birth_date, category, unit_id, post)
				values (?, ?, ?, ?, ?, ?, ?)""").params(employeeNo, name, sex, birthDate, category, unitId, post).update();
		long id = jdbc.sql("select id from person where employee_no = ?").param(employeeNo).query(Long.class).single();
		jdbc.sql("insert into person_unit_history (person_id, unit_id, valid_from) values (?, ?, ?)")
			.params(id, unitId, LocalDate.of(1900, 1, 1))
			.update();
		return id;
	}

	/** Moves a person to another unit from a date on. */
	public void transfer(long personId, long unitId, LocalDate from) {
		jdbc.sql("insert into person_unit_history (person_id, unit_id, valid_from) values (?, ?, ?)")
			.params(personId, unitId, from)
			.update();
		jdbc.sql("update person set unit_id = ? where id = ?").params(unitId, personId).update();
	}

	/** A case in the first catalogue domain; category is the Chinese label; concludedOn may be null. */
	public long concludedCase(String caseNo, String categoryLabel, long unitId, long leadId, long coId,
			LocalDate concludedOn) {
		return caseIn(caseNo, categoryLabel, "市容环境卫生", unitId, leadId, coId,
				concludedOn == null ? LocalDate.of(2024, 1, 1) : concludedOn, concludedOn);
	}

	public long caseIn(String caseNo, String categoryLabel, String domainName, long unitId, long leadId, long coId,
			LocalDate filedOn, LocalDate concludedOn) {
		String category = switch (categoryLabel) {
			case "简易程序" -> "SIMPLE";
			case "普通程序" -> "ORDINARY";
			case "重大疑难" -> "MAJOR";
			default -> throw new IllegalArgumentException(categoryLabel);
		};
		jdbc.sql("""
				insert into case_file (case_no, category, domain_id, unit_id, filed_on, concluded_on, lead_id, co_id,
				  decision_no, source)
				select ?, ?, id, ?, ?, ?, ?, ?, ?, '巡查发现' from domain where name = ?""")
			.params(caseNo, category, unitId, filedOn, concludedOn, leadId, coId, "决字第" + (++sequence) + "号",
					domainName)
			.update();
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	/** A deduction item of the catalogue, created if missing. */
	public long deductionItem(String code, String text, String points) {
		jdbc.sql("""
				insert into deduction_item (code, item_text, points)
				select ?, ?, ? where not exists (select 1 from deduction_item where code = ?)""")
			.params(code, text, new BigDecimal(points), code)
			.update();
		return jdbc.sql("select id from deduction_item where code = ?").param(code).query(Long.class).single();
	}

	/** A return (退卷) of a case with one deducted item. */
	public void returned(long caseId, String itemCode, LocalDate on) {
		long item = jdbc.sql("select id from deduction_item where code = ?").param(itemCode).query(Long.class).single();
		jdbc.sql("""
				insert into case_return (case_id, returned_on, item_id, points)
				select ?, ?, id, points from deduction_item where id = ?""").params(caseId, on, item).update();
	}

	/** An excellent-file award; level is 省级/市级/区级/局级. */
	public void award(long caseId, String levelLabel, LocalDate on) {
		String level = switch (levelLabel) {
			case "省级" -> "PROVINCE";
			case "市级" -> "CITY";
			case "区级" -> "DISTRICT";
			case "局级" -> "BUREAU";
			default -> throw new IllegalArgumentException(levelLabel);
		};
		jdbc.sql("insert into excellent_award (case_id, award_level, rated_on) values (?, ?, ?)")
			.params(caseId, level, on)
			.update();
	}

}
