package cn.wucheng.cq.demo.internal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.demo.BureauSpec;
import cn.wucheng.cq.demo.ImportFileSink.RowWriter;
import cn.wucheng.cq.demo.internal.BureauPlan.PersonPlan;
import cn.wucheng.cq.demo.internal.BureauPlan.Squad;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.reviews.AwardLevel;

/**
 * A bureau's cases of the year in filing order, written as they are drawn; each case's returns (退卷扣分) and
 * excellent-file awards are decided with it and written at once to their own lists. Nothing is kept per case, so a
 * province of a million cases needs no more memory than one bureau.
 */
public final class CaseStream {

	/** A handful of R-11 violations per bureau when the spec asks for them. */
	static final int VIOLATIONS_PER_BUREAU = 5;

	private static final List<AwardLevel> HIGH_TO_LOW = List.of(AwardLevel.PROVINCE, AwardLevel.CITY,
			AwardLevel.DISTRICT, AwardLevel.BUREAU);

	private final BureauSpec spec;

	private final BureauPlan plan;

	private final SplittableRandom random;

	/** Cases still open on this day (the data's snapshot) have no 办结日期. */
	private final LocalDate snapshot;

	private int awardedCases;

	public CaseStream(BureauSpec spec, BureauPlan plan) {
		this.spec = spec;
		this.plan = plan;
		this.random = Seeds.stream(spec.seed(), plan.index(), Seeds.CASES);
		this.snapshot = LocalDate.of(spec.year() + 1, 6, 30);
	}

	public void write(RowWriter cases, RowWriter deductions, RowWriter awards) throws IOException {
		int total = spec.casesPerBureau();
		int[] perDay = casesPerDay(total);
		int[] violations = spec.withViolations() ? violationIndices(total) : new int[0];
		LocalDate day = LocalDate.of(spec.year(), 1, 1);
		int seq = 0;
		for (int d = 0; d < perDay.length; d++, day = day.plusDays(1)) {
			for (int k = 0; k < perDay[d]; k++) {
				seq++;
				boolean violation = Arrays.binarySearch(violations, seq - 1) >= 0;
				oneCase(seq, day, violation, cases, deductions, awards);
			}
		}
	}

	/**
	 * Exactly {@code total} cases spread over the year: fewer at weekends and around the Spring Festival months,
	 * with day-to-day noise; cumulative rounding keeps the sum exact.
	 */
	private int[] casesPerDay(int total) {
		LocalDate first = LocalDate.of(spec.year(), 1, 1);
		int days = first.lengthOfYear();
		double[] cumulative = new double[days];
		double sum = 0;
		for (int d = 0; d < days; d++) {
			LocalDate date = first.plusDays(d);
			DayOfWeek dow = date.getDayOfWeek();
			double w = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.3 : 1.0;
			w *= switch (date.getMonthValue()) {
				case 1, 2 -> 0.8;
				case 12 -> 0.9;
				default -> 1.0;
			};
			sum += w * (0.7 + 0.6 * random.nextDouble());
			cumulative[d] = sum;
		}
		int[] perDay = new int[days];
		long before = 0;
		for (int d = 0; d < days; d++) {
			long upTo = d == days - 1 ? total : Math.round(total * cumulative[d] / sum);
			perDay[d] = (int) (upTo - before);
			before = upTo;
		}
		return perDay;
	}

	private int[] violationIndices(int total) {
		int n = Math.min(VIOLATIONS_PER_BUREAU, total);
		int[] chosen = new int[n];
		for (int i = 0; i < n; i++) {
			int candidate = random.nextInt(total);
			while (contains(chosen, i, candidate)) {
				candidate = random.nextInt(total);
			}
			chosen[i] = candidate;
		}
		Arrays.sort(chosen);
		return chosen;
	}

	private static boolean contains(int[] values, int length, int value) {
		for (int i = 0; i < length; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

	private void oneCase(int seq, LocalDate filed, boolean violation, RowWriter cases, RowWriter deductions,
			RowWriter awards) throws IOException {
		Squad squad = plan.squadByWorkload.pick(random);
		CaseCategory category = category(squad.unit.type());
		String domain = squad.domains.pick(random);
		String source = violation ? Catalogue.ON_ROAD : source(category);

		PersonPlan lead = squad.officers.pick(random);
		PersonPlan co = squad.officers.pickOther(random, lead);
		if (violation && !squad.auxiliaries.isEmpty()) {
			// R-11 violation on purpose: the auxiliary present at an on-road discovery recorded as co-handler.
			co = squad.auxiliaries.get(random.nextInt(squad.auxiliaries.size()));
		}
		else if (category.isOrdinary() && !plan.organHandlers.isEmpty()) {
			// organ officers take part in some ordinary cases, mostly as co-handlers.
			int roll = random.nextInt(1000);
			if (roll < 50) {
				co = plan.organHandlers.pick(random);
			}
			else if (roll < 60) {
				lead = plan.organHandlers.pick(random);
			}
		}

		LocalDate concluded = concluded(category, filed);
		String caseNo = caseNumber(seq);
		String video = category == CaseCategory.SIMPLE || Catalogue.ON_ROAD.equals(source) ? videoNumber(seq) : "";
		cases.row(caseNo, decisionNumber(seq), category.label(), domain, squad.unit.name(), source, filed.toString(),
				concluded == null ? "" : concluded.toString(), lead.employeeNo(), co.employeeNo(), video);

		if (concluded != null) {
			returns(caseNo, category, filed, concluded, deductions);
			if (category.isOrdinary()) {
				awards(caseNo, category, concluded, awards);
			}
		}
	}

	private CaseCategory category(UnitType squadType) {
		int roll = random.nextInt(100);
		int simple = switch (squadType) {
			case DIRECT_SQUAD -> 45;
			case CLASS1_SQUAD -> 65;
			default -> 60;
		};
		int major = squadType == UnitType.DIRECT_SQUAD ? 10 : 5;
		return roll < simple ? CaseCategory.SIMPLE : roll < 100 - major ? CaseCategory.ORDINARY : CaseCategory.MAJOR;
	}

	private String source(CaseCategory category) {
		int roll = random.nextInt(100);
		if (category == CaseCategory.SIMPLE) {
			return roll < 50 ? Catalogue.ON_ROAD : roll < 70 ? Catalogue.COMPLAINT : roll < 85 ? Catalogue.PATROL
					: Catalogue.REFERRAL;
		}
		return roll < 5 ? Catalogue.ON_ROAD : roll < 40 ? Catalogue.COMPLAINT : roll < 75 ? Catalogue.PATROL
				: Catalogue.REFERRAL;
	}

	/**
	 * a simple case concludes the day it is decided; an ordinary one within weeks to months (so late filings
	 * conclude next year); a few stay open (suspended, or past the snapshot).
	 */
	private LocalDate concluded(CaseCategory category, LocalDate filed) {
		if (category == CaseCategory.SIMPLE) {
			return filed;
		}
		int days;
		int openPercent;
		if (category == CaseCategory.ORDINARY) {
			days = 10 + random.nextInt(50) + (random.nextInt(4) == 0 ? random.nextInt(120) : random.nextInt(40));
			openPercent = 3;
		}
		else {
			days = 30 + random.nextInt(90) + random.nextInt(120);
			openPercent = 6;
		}
		LocalDate concluded = filed.plusDays(days);
		return random.nextInt(100) < openPercent || concluded.isAfter(snapshot) ? null : concluded;
	}

	/**
	 * some concluded cases were returned (退卷) once, with one to three different catalogue items at their
	 * catalogue points, dated at the legal review just before conclusion (a simple case: its own day, or a few days
	 * after at the monthly check).
	 */
	private void returns(String caseNo, CaseCategory category, LocalDate filed, LocalDate concluded,
			RowWriter deductions) throws IOException {
		boolean simple = category == CaseCategory.SIMPLE;
		if (random.nextInt(100) >= (simple ? 4 : 15)) {
			return;
		}
		LocalDate on;
		if (simple) {
			on = random.nextInt(100) < 80 ? filed : filed.plusDays(1 + random.nextInt(5));
		}
		else {
			on = concluded.minusDays(random.nextInt(8));
			on = on.isBefore(filed) ? filed : on;
		}
		double[] weights = simple ? new double[] { 1, 2, 1, 2, 0.2, 3 } : new double[] { 2, 3, 2.5, 2, 1.5, 1 };
		int items = 1 + (random.nextInt(100) < 50 ? 0 : random.nextInt(100) < 70 ? 1 : 2);
		for (int i = 0; i < items; i++) {
			int k = drawAndRemove(weights);
			Catalogue.DeductionEntry item = Catalogue.DEDUCTION_ITEMS.get(k);
			deductions.row(caseNo, on.toString(), item.code(), item.text(), item.points().toPlainString());
		}
	}

	private int drawAndRemove(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = random.nextDouble() * total;
		int last = 0;
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] <= 0) {
				continue;
			}
			last = i;
			x -= weights[i];
			if (x < 0) {
				break;
			}
		}
		weights[last] = 0;
		return last;
	}

	/**
	 * a few concluded ordinary cases are rated excellent, once per level. Most get one rating; some are rated
	 * higher later (局级 then 市级: the difference is credited) and some lower later (市级 then 区级: nothing more). The
	 * second and fifth awarded case of each bureau are made one of each so both sequences always occur.
	 */
	private void awards(String caseNo, CaseCategory category, LocalDate concluded, RowWriter awards)
			throws IOException {
		if (random.nextInt(1000) >= (category == CaseCategory.MAJOR ? 50 : 20)) {
			return;
		}
		awardedCases++;
		int roll = random.nextInt(100);
		boolean higher = awardedCases % 6 == 2 || awardedCases % 6 != 5 && roll < 20;
		boolean lower = !higher && (awardedCases % 6 == 5 || roll >= 90);
		List<AwardLevel> levels = new ArrayList<>();
		if (higher) {
			AwardLevel start = pickLevel(new int[] { 0, 5, 25, 70 });
			levels.add(start);
			int steps = random.nextInt(100) < 30 ? 2 : 1;
			for (int s = 0; s < steps && HIGH_TO_LOW.indexOf(levels.get(levels.size() - 1)) > 0; s++) {
				int above = HIGH_TO_LOW.indexOf(levels.get(levels.size() - 1));
				levels.add(HIGH_TO_LOW.get(random.nextInt(above)));
			}
		}
		else if (lower) {
			AwardLevel start = pickLevel(new int[] { 10, 45, 45, 0 });
			levels.add(start);
			int below = HIGH_TO_LOW.indexOf(start) + 1;
			levels.add(HIGH_TO_LOW.get(below + random.nextInt(HIGH_TO_LOW.size() - below)));
		}
		else {
			levels.add(pickLevel(new int[] { 3, 12, 25, 60 }));
		}
		LocalDate on = concluded.plusDays(15 + random.nextInt(75));
		for (AwardLevel level : levels) {
			awards.row(caseNo, level.label(), on.toString());
			on = on.plusDays(20 + random.nextInt(100));
		}
	}

	/** A level by percent weights in the order 省级, 市级, 区级, 局级. */
	private AwardLevel pickLevel(int[] percents) {
		int roll = random.nextInt(100);
		for (int i = 0; i < percents.length; i++) {
			roll -= percents[i];
			if (roll < 0) {
				return HIGH_TO_LOW.get(i);
			}
		}
		return AwardLevel.BUREAU;
	}

	private String caseNumber(int seq) {
		String n = String.format(Locale.ROOT, "WCZF-%d-%05d", spec.year(), seq);
		return plan.code().isEmpty() ? n : plan.code() + "-" + n;
	}

	private String decisionNumber(int seq) {
		String issuer = plan.code().isEmpty() ? "金婺" : plan.code();
		return issuer + "综执罚决字〔" + spec.year() + "〕第" + seq + "号";
	}

	private String videoNumber(int seq) {
		String n = String.format(Locale.ROOT, "V%06d", seq);
		return plan.code().isEmpty() ? n : plan.code() + "-" + n;
	}

}
