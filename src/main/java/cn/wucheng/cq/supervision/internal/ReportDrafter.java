package cn.wucheng.cq.supervision.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.coverage.DomainCoverage;
import cn.wucheng.cq.scoring.coverage.SquadCoverage;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.scoring.standards.OfficerStandard;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.shared.ReportProse;
import cn.wucheng.cq.supervision.ReportKind;
import cn.wucheng.cq.supervision.ReportSection;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * Drafts the mid-term evaluation report and the annual summary as .docx for the legal section to edit, filled
 * with the system's figures for the period covered (1 January to 30 June, or the year) up to today: each quarter's
 * ranking per squad category with the best case handlers, the period's points leaders, the case-handling
 * standard per quarter, domain coverage, training hours and plans, the key tasks
 * and the review meetings. The figures of features contributed later (review rates, recording
 * compliance, evaluation grades) come from {@link ReportSection} beans; until one exists its place is a marked
 * 【待接入】 paragraph. A4 portrait (GB/T 9704 margins), 仿宋 body, 黑体 headings, 宋体 tables.
 */
@Service
@ReportProse("the drafted mid-term assessment report and annual summary (.docx)")
class ReportDrafter {

	static final String BODY_FONT = "仿宋";

	static final String HEADING_FONT = "黑体";

	static final String TABLE_FONT = "宋体";

	static final String PENDING = "【待接入】";

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
			"十三", "十四", "十五" };

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final DomainCoverage coverage;

	private final TrainingOverview training;

	private final TaskBoard board;

	private final Meetings meetings;

	private final ObjectProvider<ReportSection> sections;

	ReportDrafter(ScoreLedger ledger, CaseStandards standards, DomainCoverage coverage, TrainingOverview training,
			TaskBoard board, Meetings meetings, ObjectProvider<ReportSection> sections) {
		this.ledger = ledger;
		this.standards = standards;
		this.coverage = coverage;
		this.training = training;
		this.board = board;
		this.meetings = meetings;
		this.sections = sections;
	}

	/** The quarters of the period covered that have started by {@code today}. */
	static List<Period> quarters(ReportKind kind, int year, LocalDate today) {
		List<Period> list = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			Period p = Period.quarter(year, q);
			if (!p.end().isAfter(kind.to(year)) && !p.start().isAfter(today)) {
				list.add(p);
			}
		}
		return list;
	}

	/** The last day counted: the end of the period covered, or today when earlier. */
	static LocalDate asOf(ReportKind kind, int year, LocalDate today) {
		LocalDate to = kind.to(year);
		return today.isBefore(to) ? today : to;
	}

	/**
	 * The points of each person over the period's quarters that have started, added up exactly; the unit is the one
	 * of the latest quarter.
	 */
	List<PersonScore> periodScores(ReportKind kind, int year, LocalDate today) {
		List<Period> quarters = quarters(kind, year, today);
		if (kind == ReportKind.ANNUAL) {
			return quarters.isEmpty() ? List.of() : ledger.scores(Period.year(year));
		}
		Map<Long, PersonScore> sum = new HashMap<>();
		for (Period q : quarters) {
			for (PersonScore s : ledger.scores(q)) {
				sum.merge(s.personId(), s, (a, b) -> new PersonScore(b.personId(), b.employeeNo(), b.name(),
						b.staffCategory(), b.unitId(), b.unitName(), b.unitType(), a.quantity().plus(b.quantity()),
						a.quality().plus(b.quality()), a.excellence().plus(b.excellence()), a.leadCases() + b.leadCases(),
						a.coCases() + b.coCases()));
			}
		}
		return new ArrayList<>(sum.values());
	}

	/** The period's leaders: the ten highest totals (ties at the tenth place included), by total then 工号. */
	static List<PersonScore> leaders(List<PersonScore> scores) {
		List<PersonScore> sorted = scores.stream()
			.filter(s -> s.total().isPositive())
			.sorted(Comparator.comparing(PersonScore::total).reversed().thenComparing(PersonScore::employeeNo))
			.toList();
		if (sorted.size() <= 10) {
			return sorted;
		}
		Points tenth = sorted.get(9).total();
		return sorted.stream().filter(s -> s.total().compareTo(tenth) >= 0).toList();
	}

	@Transactional(readOnly = true)
	void write(ReportKind kind, int year, LocalDate today, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			styles(doc);
			a4(doc);
			LocalDate asOf = asOf(kind, year, today);
			List<Period> quarters = quarters(kind, year, today);
			title(doc, "婺城区综合行政执法局执法办案提质增效" + kind.label());
			centered(doc, "（" + year + "年度，系统生成草稿，供法制科修改）");
			body(doc, "统计期间：" + kind.from(year) + " 至 " + asOf + "；生成日期：" + today
					+ "。以下数据由系统按积分制计分规则、办案标准、领域覆盖、培训学时等规则自动汇总，请核对后修改定稿。");

			int h = 0;
			heading(doc, NUMERALS[h++] + "、积分与排名");
			scoresSection(doc, kind, year, today, quarters);
			heading(doc, NUMERALS[h++] + "、办案标准达标情况");
			standardsSection(doc, quarters);
			heading(doc, NUMERALS[h++] + "、执法领域覆盖情况");
			coverageSection(doc, year, asOf);
			heading(doc, NUMERALS[h++] + "、培训情况");
			trainingSection(doc, year, asOf);
			heading(doc, NUMERALS[h++] + "、重点工作任务推进情况");
			// the tasks as they stood on the period's last day: a 2025 report read in 2026 quoted the 2026 quarter's
			// standard and the 2026 plans (issue 12, item 13)
			tasksSection(doc, asOf);
			heading(doc, NUMERALS[h++] + "、研判会商情况");
			meetingsSection(doc, kind, year, asOf);
			List<ReportSection> contributed = sections.orderedStream()
				.sorted(Comparator.comparingInt(ReportSection::order))
				.toList();
			for (ReportSection.Topic topic : ReportSection.Topic.values()) {
				List<ReportSection> of = contributed.stream().filter(s -> s.topic() == topic).toList();
				if (topic != ReportSection.Topic.OTHER && of.isEmpty()) {
					heading(doc, NUMERALS[h++] + "、" + topic.heading());
					pending(doc, PENDING + topic.heading() + "的数据由相应功能模块提供，接入后自动填入；在此之前请法制科手工填写。");
				}
				for (ReportSection s : of) {
					ReportSection.Content c = s.content(kind, year);
					heading(doc, NUMERALS[h++] + "、" + c.heading());
					c.paragraphs().forEach(p -> body(doc, p));
					if (!c.table().isEmpty()) {
						table(doc, c.table());
					}
				}
			}
			heading(doc, NUMERALS[h] + "、存在问题和下一步工作");
			pending(doc, "【请法制科填写】");
			doc.write(out);
		}
	}

	private void scoresSection(XWPFDocument doc, ReportKind kind, int year, LocalDate today, List<Period> quarters) {
		if (quarters.isEmpty()) {
			body(doc, "统计期间尚未开始，暂无积分数据。");
			return;
		}
		for (Period q : quarters) {
			Ranking ranking = ledger.rankings(q, ScoreScope.EVERYONE);
			subheading(doc, q.label() + "排名（按中队类别）");
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("中队类别", "参评人数", "最佳办案能手名额", "名次", "姓名", "单位", "积分", "最佳办案能手"));
			for (Ranking.Category c : ranking.categories()) {
				List<Ranking.Entry> top = c.entries().stream().filter(e -> e.rank() <= 3 && e.total().isPositive()).toList();
				if (top.isEmpty()) {
					rows.add(List.of(c.category().label(), String.valueOf(c.pool()), String.valueOf(c.places()), "-", "-",
							"-", "-", "-"));
				}
				for (Ranking.Entry e : top) {
					rows.add(List.of(c.category().label(), String.valueOf(c.pool()), String.valueOf(c.places()),
							String.valueOf(e.rank()), e.name(), e.unitName(), e.total().toString(),
							e.bestHandler() ? "是" : "否"));
				}
				long best = c.entries().stream().filter(Ranking.Entry::bestHandler).count();
				body(doc, q.label() + c.category().label() + "：参评 " + c.pool() + " 人，评出最佳办案能手 " + best + " 人。");
			}
			table(doc, rows);
		}
		List<PersonScore> leaders = leaders(periodScores(kind, year, today));
		subheading(doc, "统计期间积分前十名");
		if (leaders.isEmpty()) {
			body(doc, "统计期间无人取得积分。");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("工号", "姓名", "单位", "数量分", "质量分", "创先争优分", "总分"));
		for (PersonScore s : leaders) {
			rows.add(List.of(s.employeeNo(), s.name(), s.unitName(), s.quantity().toString(), s.quality().toString(),
					s.excellence().toString(), s.total().toString()));
		}
		table(doc, rows);
	}

	private void standardsSection(XWPFDocument doc, List<Period> quarters) {
		if (quarters.isEmpty()) {
			body(doc, "统计期间尚未开始。");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("季度", "对象", "应考核人数", "达标人数", "未达标人数", "免考核人数", "达标率"));
		for (Period q : quarters) {
			List<OfficerStandard> all = standards.forQuarter(q, SystemReader.BUREAU);
			for (boolean squads : new boolean[] { true, false }) {
				List<OfficerStandard> of = all.stream().filter(s -> s.unitType().isSquad() == squads).toList();
				long exempt = of.stream().filter(s -> !s.status().isAssessed()).count(); // 免考核 and 未纳入
				long met = of.stream().filter(s -> s.status().isMet()).count();
				long assessed = of.size() - exempt;
				rows.add(List.of(q.label(), squads ? "中队执法人员（全员办案）" : "机关执法人员（参与普通程序）",
						String.valueOf(assessed), String.valueOf(met), String.valueOf(assessed - met), String.valueOf(exempt),
						rate(met, assessed)));
			}
		}
		table(doc, rows);
	}

	private void coverageSection(XWPFDocument doc, int year, LocalDate asOf) {
		if (asOf.getYear() != year) {
			body(doc, "统计期间尚未开始。");
			return;
		}
		List<SquadCoverage> squads = coverage.coverage(year, asOf, SystemReader.BUREAU);
		long met = squads.stream().filter(s -> s.outcome().met()).count();
		body(doc, "截至 " + asOf + "，" + squads.size() + " 个中队中 " + met + " 个达到领域覆盖目标（目标截止 "
				+ coverage.deadline(year) + "）。");
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("中队", "类别", "已覆盖/管理领域", "覆盖率(%)", "目标领域数", "是否达标"));
		for (SquadCoverage s : squads) {
			rows.add(List.of(s.unitName(), s.unitType().label(), s.outcome().covered() + "/" + s.outcome().managed(),
					s.outcome().rate().toPlainString(), String.valueOf(s.outcome().target()),
					s.outcome().met() ? "是" : "否"));
		}
		table(doc, rows);
	}

	private void trainingSection(XWPFDocument doc, int year, LocalDate asOf) {
		TrainingOverview.HoursReport hours = training.hours(year, SystemReader.BUREAU, asOf);
		int n = hours.officers().size();
		BigDecimal total = hours.officers()
			.stream()
			.map(TrainingOverview.OfficerHours::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		long complete = hours.officers().stream().filter(TrainingOverview.OfficerHours::complete).count();
		long behind = hours.officers().stream().filter(TrainingOverview.OfficerHours::behind).count();
		String avg = n == 0 ? "0" : total.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).toPlainString();
		body(doc, "截至 " + hours.asOf() + "，正式执法人员 " + n + " 人，累计培训 " + total.stripTrailingZeros().toPlainString()
				+ " 学时，人均 " + avg + " 学时；已完成年度 " + hours.required().stripTrailingZeros().toPlainString()
				+ " 学时要求 " + complete + " 人，进度落后 " + behind + " 人。");
		List<TrainingOverview.SquadPlan> plans = training.plans(year, SystemReader.BUREAU, asOf);
		long submitted = plans.stream().filter(p -> p.firstSubmittedOn() != null).count();
		long coordinated = plans.stream().filter(p -> p.coordinatedOn() != null).count();
		body(doc, "直属中队培训计划：应报送 " + plans.size() + " 个，已报送 " + submitted + " 个，已统筹 " + coordinated + " 个。");
	}

	/** The key tasks and their status on {@code asOf}, a day of the report's year. */
	private void tasksSection(XWPFDocument doc, LocalDate asOf) {
		LocalDate today = asOf;
		List<TaskBoard.TaskView> tasks = board.board(SystemReader.BUREAU, today);
		long done = tasks.stream().filter(t -> t.status() == cn.wucheng.cq.supervision.TaskStatus.DONE).count();
		long overdue = tasks.stream().filter(TaskBoard.TaskView::overdue).count();
		body(doc, "提质增效重点工作任务 " + tasks.size() + " 项，截至 " + today + " 已完成 " + done + " 项，逾期 " + overdue + " 项。");
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("序号", "主要内容", "重点措施", "完成时限", "状态", "说明"));
		for (TaskBoard.TaskView t : tasks) {
			rows.add(List.of(String.valueOf(t.task().getTaskNo()), t.task().getTheme(), t.task().getMeasure(),
					t.task().getDeadlineText(), t.status().label(), Optional.ofNullable(t.note()).orElse("")));
		}
		table(doc, rows);
	}

	private void meetingsSection(XWPFDocument doc, ReportKind kind, int year, LocalDate asOf) {
		List<Meetings.MeetingView> held = asOf.getYear() == year ? meetings.between(kind.from(year), asOf) : List.of();
		long late = held.stream().filter(Meetings.MeetingView::late).count();
		body(doc, "统计期间召开研判会商 " + held.size() + " 次，其中晚于当月截止日期召开 " + late + " 次。");
		if (!held.isEmpty()) {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("召开日期", "当月截止日期", "参会人员", "是否逾期"));
			for (Meetings.MeetingView m : held) {
				rows.add(List.of(m.meeting().getHeldOn().toString(), m.due().toString(), m.meeting().getAttendees(),
						m.late() ? "是" : "否"));
			}
			table(doc, rows);
		}
	}

	private static String rate(long part, long whole) {
		return whole == 0 ? "-"
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString()
						+ "%";
	}

	// ------------------------------------------------------------------ layout

	/** The width between the margins of {@link #a4}, in twentieths of a point: 11906 - 1587 - 1474. */
	static final int TEXT_WIDTH = 11906 - 1587 - 1474;

	/** Twips of one half-width character in a table's 10.5 pt (a Chinese character takes two). */
	private static final int HALF_CHAR = 105;

	/** A cell's left and right margins (108 each) and a little air. */
	private static final int CELL_PADDING = 240;

	/**
	 * The styles the draft names (Title, Heading1, Heading2, TableGrid) and its default fonts: without a styles part
	 * python-docx could not open the draft's tables and the headings were plain paragraphs (issue 13, item 8).
	 */
	private static void styles(XWPFDocument doc) throws IOException {
		try (InputStream xml = ReportDrafter.class.getResourceAsStream("/reports/styles.xml")) {
			// parsed as a document: CTStyles.Factory.parse kept the root element inside the styles part (w:styles twice)
			doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
		}
		catch (XmlException e) {
			throw new IllegalStateException("reports/styles.xml", e);
		}
	}

	/** A4 portrait, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
	private static void a4(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar mar = sect.addNewPgMar();
		mar.setTop(BigInteger.valueOf(2098));
		mar.setBottom(BigInteger.valueOf(1984));
		mar.setLeft(BigInteger.valueOf(1587));
		mar.setRight(BigInteger.valueOf(1474));
	}

	private static void title(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setStyle("Title");
		run(p, text, HEADING_FONT, 22, true);
	}

	private static void centered(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, text, BODY_FONT, 16, false);
	}

	private static void heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle("Heading1");
		p.setSpacingBefore(200);
		run(p, text, HEADING_FONT, 16, false);
	}

	private static void subheading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle("Heading2");
		run(p, text, "楷体", 16, true);
	}

	private static void body(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setFirstLineIndent(640);
		run(p, text, BODY_FONT, 16, false);
	}

	private static void pending(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setFirstLineIndent(640);
		XWPFRun r = run(p, text, BODY_FONT, 16, true);
		r.setColor("C00000");
	}

	/**
	 * A table as wide as the text, with a grid of one column per cell (POI's new table has a grid of a single column,
	 * which python-docx reads as a one-column table, and "100%" with auto layout let Word squeeze the longest column of
	 * the 18 tasks): fixed layout, each column's width from {@link #columnWidths}, repeated on every cell.
	 */
	private static void table(XWPFDocument doc, List<List<String>> rows) {
		int[] widths = columnWidths(rows, TEXT_WIDTH);
		XWPFTable t = doc.createTable(rows.size(), widths.length);
		t.setStyleID("TableGrid");
		t.setWidthType(TableWidthType.DXA);
		t.setWidth(Integer.toString(TEXT_WIDTH));
		CTTblPr pr = t.getCTTbl().getTblPr();
		(pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
		CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int w : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(w));
		}
		for (int i = 0; i < rows.size(); i++) {
			XWPFTableRow row = t.getRow(i);
			if (i == 0) {
				row.setRepeatHeader(true);
			}
			for (int j = 0; j < rows.get(i).size(); j++) {
				XWPFTableCell cell = row.getCell(j);
				cell.setWidthType(TableWidthType.DXA);
				cell.setWidth(Integer.toString(widths[j]));
				XWPFParagraph p = cell.getParagraphs().get(0);
				run(p, rows.get(i).get(j), i == 0 ? HEADING_FONT : TABLE_FONT, 10.5, false);
			}
		}
		doc.createParagraph();
	}

	/**
	 * Column widths (twips) adding up to {@code total}: each column wants the width of its longest text on one line.
	 * When all fit, each gets what it wants and the rest is shared in proportion; when not, each keeps what it wants up
	 * to four Chinese characters (序号, 状态 and dates stay on one line) and the rest of the width goes to the columns in
	 * proportion to how much more they want, so the longest text gets the widest column.
	 */
	static int[] columnWidths(List<List<String>> rows, int total) {
		int n = rows.get(0).size();
		long[] want = new long[n];
		for (List<String> row : rows) {
			for (int j = 0; j < n; j++) {
				want[j] = Math.max(want[j], (long) halfChars(row.get(j)) * HALF_CHAR + CELL_PADDING);
			}
		}
		long floor = 8L * HALF_CHAR + CELL_PADDING;
		long[] min = new long[n];
		long wanted = 0;
		long mins = 0;
		for (int j = 0; j < n; j++) {
			min[j] = Math.min(want[j], floor);
			wanted += want[j];
			mins += min[j];
		}
		double[] w = new double[n];
		for (int j = 0; j < n; j++) {
			if (wanted <= total) {
				w[j] = want[j] + (double) (total - wanted) * want[j] / wanted;
			}
			else if (mins >= total) {
				w[j] = (double) total * min[j] / mins;
			}
			else {
				w[j] = min[j] + (double) (total - mins) * (want[j] - min[j]) / (wanted - mins);
			}
		}
		int[] widths = new int[n];
		int sum = 0;
		for (int j = 0; j < n; j++) {
			widths[j] = (int) Math.floor(w[j]);
			sum += widths[j];
		}
		widths[n - 1] += total - sum;
		return widths;
	}

	/** Width in half-width characters: a Chinese (full-width) character counts two. */
	private static int halfChars(String text) {
		int n = 0;
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			int cp = text.codePointAt(i);
			n += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80) && !(cp >= 0xFF61 && cp <= 0xFFDC) ? 2 : 1;
		}
		return n;
	}

	private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setBold(bold);
		r.setFontSize(size);
		r.setFontFamily(font);
		CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
		CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
		fonts.setEastAsia(font);
		fonts.setAscii(font.equals(BODY_FONT) || font.equals(TABLE_FONT) ? "Times New Roman" : font);
		fonts.setHAnsi(fonts.getAscii());
		return r;
	}

}
