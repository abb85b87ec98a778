package cn.wucheng.cq.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.casework.CaseworkWork;
import cn.wucheng.cq.recording.RecordingWork;
import cn.wucheng.cq.reviews.ReviewWork;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.scoring.publication.Publications;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.supervision.SupervisionWork;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.training.TrainingSource;
import cn.wucheng.cq.training.TrainingWork;

/**
 * Issue 13, item 2: after the six lists, the demo bureau's people use the programme through its services for the
 * demo's year — the 法制员 review simple cases and the 中队长 sign and submit the monthly lists (a few late), 法制科
 * reviews ordinary cases (some 退卷, resubmitted), an evaluation round per month of the last quarter is drawn and
 * scored, squads plan and hold training, 法制科 holds the monthly 研判会商 and works through the key tasks, and the last quarter is published with appeals. Each act runs as the user
 * who would do it, on the day he would ({@link DemoTime}), so the services check, date and audit it as real use.
 * Deterministic: every choice comes from a fixed seed and the data, nothing from the wall clock.
 * <p>
 * The acting users are the demo's people in their roles (the 法制员 of a squad as LEGAL_OFFICER, …); they have no
 * login accounts: audit entries carry their 工号 as user name ("demo-" + 工号).
 */
@Component
class DemoActivity {

	private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

	/** A squad of the demo with the people who act for it. */
	record Squad(long id, String name, String type, CurrentUser leader, CurrentUser legalOfficer) {
	}

	private final JdbcClient jdbc;

	private final DemoTime time;

	private final CaseworkWork casework;

	private final ReviewWork reviews;

	private final TrainingWork training;

	private final Publications publications;

	private final Rollout rollout;

	private final SupervisionWork supervision;

	private final RecordingWork recording;

	private final TransactionTemplate transactions;

	DemoActivity(JdbcClient jdbc, DemoTime time, CaseworkWork casework, ReviewWork reviews, TrainingWork training,
			Publications publications, Rollout rollout, PlatformTransactionManager transactionManager,
			SupervisionWork supervision, RecordingWork recording) {
		this.recording = recording;
		this.supervision = supervision;
		this.rollout = rollout;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.time = time;
		this.casework = casework;
		this.reviews = reviews;
		this.training = training;
		this.publications = publications;
	}

	/** The year's activity, in the order it happens. */
	void run(int year) {
		long started = System.nanoTime();
		Random random = new Random(20_130_002L + year);
		CurrentUser legal = legalSection();
		List<Squad> squads = squads();
		timed("simple reviews", () -> simpleReviewsAndLists(year, squads, random));
		timed("legal reviews", () -> legalReviews(year, legal, random));
		timed("recording", () -> recordingOfTheLastQuarter(year, squads, random));
		timed("evaluation", () -> evaluationRounds(year, legal, squads, random));
		timed("training", () -> trainingOfTheYear(year, legal, squads, random));
		timed("meetings and tasks", () -> meetingsAndTasks(year, legal, random));
		timed("publication", () -> publishTheLastQuarter(year, legal, random));
		log.info("演示单位的年度业务已生成（{} 年，{} ms）", year, (System.nanoTime() - started) / 1_000_000);
	}

	private static void timed(String what, Runnable step) {
		long started = System.nanoTime();
		step.run();
		log.info("演示：{} {} ms", what, (System.nanoTime() - started) / 1_000_000);
	}

	// ------------------------------------------------------------------

	/**
	 * each simple case reviewed by the squad's 法制员 on its day (one in 30 a day or two late, one in 25 with a
	 * 否 and its note; the 中队长 when the 法制员 handled it); the last week of the year still waits. R-41: each month's
	 * list signed and submitted by the 15th of the next month, a few late; December's still open.
	 */
	private void simpleReviewsAndLists(int year, List<Squad> squads, Random random) {
		LocalDate lastReviewed = LocalDate.of(year, 12, 22);
		record SimpleCase(long id, long unitId, LocalDate day, long leadId, long coId) {
		}
		List<SimpleCase> cases = jdbc.sql("""
				select c.id, c.unit_id, coalesce(c.concluded_on, c.filed_on) as day, c.lead_id, c.co_id
				from case_file c where c.category = 'SIMPLE' and coalesce(c.concluded_on, c.filed_on) <= :last
				order by day, c.case_no""")
			.param("last", lastReviewed)
			.query((rs, n) -> new SimpleCase(rs.getLong("id"), rs.getLong("unit_id"),
					rs.getObject("day", LocalDate.class), rs.getLong("lead_id"), rs.getLong("co_id")))
			.list();
		int reviewed = 0;
		int lists = 0;
		for (Squad squad : squads) {
			if (squad.legalOfficer() == null || squad.leader() == null) {
				continue;
			}
			for (int m = 1; m <= 12; m++) {
				YearMonth month = YearMonth.of(year, m);
				if (!rollout.applies(squad.id(), month.atEndOfMonth())) {
					continue; // before the squad's rollout start the rule does not apply
				}
				List<Runnable> acts = new ArrayList<>();
				boolean complete = true;
				int monthCases = 0;
				for (SimpleCase c : cases) {
					if (c.unitId() != squad.id() || !YearMonth.from(c.day()).equals(month)
							|| !rollout.applies(squad.id(), c.day())) {
						continue;
					}
					CurrentUser reviewer = handled(squad.legalOfficer(), c.leadId(), c.coId()) ? squad.leader()
							: squad.legalOfficer();
					if (handled(reviewer, c.leadId(), c.coId())) {
						complete = false; // both handled it: 法制科 decides who reviews (left open)
						continue;
					}
					monthCases++;
					LocalDate on = random.nextInt(30) == 0 ? c.day().plusDays(1 + random.nextInt(2)) : c.day();
					boolean fault = random.nextInt(25) == 0;
					acts.add(() -> time.as(reviewer, on, () -> casework.reviewSimpleCase(c.id(), true, true, !fault,
							true, true, fault ? "询问笔录未记录当事人对违法事实的陈述，证据不足以认定违法事实" : null)));
					reviewed++;
				}
				if (complete && monthCases > 0 && m < 12) { // a month without simple cases has no list to sign
					boolean late = random.nextInt(20) == 0;
					LocalDate on = workday(month.plusMonths(1).atDay(late ? 17 + random.nextInt(5) : 5 + random.nextInt(9)));
					acts.add(() -> time.as(squad.leader(), on, () -> {
						casework.signList(squad.id(), month);
						casework.submitList(squad.id(), month);
					}));
					lists++;
				}
				inOneTransaction(squad.name() + " " + month, acts);
			}
		}
		log.info("演示：简易案件审核 {} 起，审核清单报送 {} 份", reviewed, lists);
	}

	/**
	 * A squad's month (or 法制科's) in one transaction: one commit and one audit-chain append instead of one per act,
	 * which is most of the demo's load time. Should one act be refused, the month is done again act by act, and
	 * only the refused acts are left out.
	 */
	private void inOneTransaction(String what, List<Runnable> acts) {
		try {
			transactions.executeWithoutResult(status -> acts.forEach(Runnable::run));
		}
		catch (RuntimeException e) {
			log.warn("演示：{} 未能一次完成（{}），逐项重做", what, e.getMessage());
			for (Runnable act : acts) {
				try {
					act.run();
				}
				catch (RuntimeException refused) {
					log.warn("演示：{} 中一项被拒绝：{}", what, refused.getMessage());
				}
			}
		}
	}

	// ------------------------------------------------------------------

	/**
	 * 法制科 reviews the concluded ordinary cases a few days after their conclusion, up to November; one in
	 * twelve is returned (退卷) with a deduction item, resubmitted by the squad a week later and passed then.
	 */
	private void legalReviews(int year, CurrentUser legal, Random random) {
		List<String> items = jdbc.sql("select code from deduction_item where active order by code")
			.query(String.class)
			.list();
		record Ordinary(long id, LocalDate concluded) {
		}
		List<Ordinary> cases = jdbc.sql("""
				select id, concluded_on from case_file
				where category in ('ORDINARY', 'MAJOR') and concluded_on between :from and :to order by concluded_on, case_no""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 11, 30))
			.query((rs, n) -> new Ordinary(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list();
		int returned = 0;
		for (int m = 1; m <= 11; m++) {
			YearMonth month = YearMonth.of(year, m);
			List<Runnable> acts = new ArrayList<>();
			for (Ordinary c : cases) {
				if (!YearMonth.from(c.concluded()).equals(month)) {
					continue;
				}
				LocalDate on = workday(c.concluded().plusDays(1 + random.nextInt(4)));
				if (!items.isEmpty() && random.nextInt(12) == 0) {
					String item = items.get(random.nextInt(items.size()));
					LocalDate again = workday(on.plusDays(7));
					LocalDate passed = workday(again.plusDays(2));
					acts.add(() -> {
						time.as(legal, on,
								() -> reviews.returnLegalReview(c.id(), on, List.of(item), "案卷材料不齐全，请补正后重新报送"));
						time.as(legal, again, () -> reviews.resubmitLegalReview(c.id(), again));
						time.as(legal, passed, () -> reviews.passLegalReview(c.id(), passed));
					});
					returned++;
				}
				else {
					acts.add(() -> time.as(legal, on, () -> reviews.passLegalReview(c.id(), on)));
				}
			}
			inOneTransaction("法制审核 " + month, acts);
		}
		log.info("演示：法制审核 {} 起，其中退卷 {} 起", cases.size(), returned);
	}

	// ------------------------------------------------------------------

	/**
	 * in the last quarter the squads' 法制员 record the inquiries of their ordinary cases (in the inquiry
	 * room, or on site with the body-camera number) and archive each concluded case's recordings
	 * on disc a few days after its conclusion (a few not yet): the compliance page shows records and a few gaps.
	 */
	private void recordingOfTheLastQuarter(int year, List<Squad> squads, Random random) {
		record Concluded(long id, long unitId, String category, LocalDate filedOn, LocalDate concludedOn, String leadNo,
				String coNo) {
		}
		List<Concluded> cases = jdbc.sql("""
				select c.id, c.unit_id, c.category, c.filed_on, c.concluded_on, l.employee_no, o.employee_no
				from case_file c join person l on l.id = c.lead_id join person o on o.id = c.co_id
				where c.concluded_on between :from and :to order by c.concluded_on, c.case_no""")
			.param("from", LocalDate.of(year, 10, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new Concluded(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7)))
			.list();
		int discs = 0;
		for (Squad squad : squads) {
			if (squad.legalOfficer() == null) {
				continue;
			}
			List<Runnable> acts = new ArrayList<>();
			for (Concluded c : cases) {
				if (c.unitId() != squad.id()) {
					continue;
				}
				boolean ordinary = !"SIMPLE".equals(c.category());
				if (ordinary) {
					boolean inRoom = random.nextInt(3) > 0;
					// outside the room only with the body camera's number (the service refuses it without)
					String camera = inRoom ? null : "JLY" + year + String.format("%05d", c.id());
					LocalDate held = c.filedOn().plusDays(1 + random.nextInt(3));
					LocalDate on = held.isAfter(c.concludedOn()) ? c.concludedOn() : held;
					acts.add(() -> time.as(squad.legalOfficer(), on, () -> recording.recordInquiry(c.id(), on, inRoom,
							inRoom ? null : "案发现场", camera, c.leadNo() + "、" + c.coNo())));
				}
				if (random.nextInt(12) > 0) {
					LocalDate archived = c.concludedOn().plusDays(3 + random.nextInt(5));
					String disc = "GP" + year + String.format("%05d", c.id());
					acts.add(() -> time.as(squad.legalOfficer(), archived,
							() -> recording.archiveDisc(c.id(), disc, archived)));
					discs++;
				}
			}
			inOneTransaction("全过程记录 " + squad.name(), acts);
		}
		log.info("演示：第四季度办结 {} 起，光盘归档 {} 起", cases.size(), discs);
	}

	// ------------------------------------------------------------------

	/**
	 * a peer round for each month of the last quarter, one file per squad, each file evaluated by the 法制员 of
	 * the next squad; the rounds of October and November are scored, December's wait for their evaluators.
	 */
	private void evaluationRounds(int year, CurrentUser legal, List<Squad> squads, Random random) {
		List<Squad> evaluators = squads.stream().filter(s -> s.legalOfficer() != null).toList();
		if (evaluators.size() < 2) {
			return;
		}
		for (int m = 10; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			LocalDate opened = workday(month.plusMonths(m == 12 ? 0 : 1).atDay(m == 12 ? 28 : 3));
			long seed = 43_000L + m;
			ReviewWork.Round round = time.as(legal, opened, LocalTime.of(9, 0),
					() -> reviews.openPeerRound(month, 1, seed));
			List<Long> itemIds = reviews.evaluationItemIds();
			for (ReviewWork.Drawn file : round.files()) {
				int at = indexOf(evaluators, file.unitId());
				Squad other = evaluators.get((at + 1) % evaluators.size());
				long evaluation = time.as(legal, opened, LocalTime.of(9, 30), () -> reviews.assignPeer(round.id(),
						file.caseId(), other.legalOfficer().username().substring("demo-".length())));
				if (m < 12) {
					List<Long> failed = itemIds.isEmpty() || random.nextInt(3) > 0 ? List.of()
							: List.of(itemIds.get(random.nextInt(itemIds.size())));
					CurrentUser evaluator = other.legalOfficer();
					time.as(evaluator, workday(opened.plusDays(5)), () -> reviews.submitEvaluation(evaluation, failed,
							failed.isEmpty() ? "案卷规范" : "个别文书不规范"));
				}
			}
		}
	}

	// ------------------------------------------------------------------

	/**
	 * each 直属中队 plans its year in January (three items), 法制科 coordinates the plans; R-61: the squads hold
	 * the first two items with their officers signed in and examined (now and then one absent); R-62: 法制科 holds
	 * one session for the squads' leaders and legal officers in November.
	 */
	private void trainingOfTheYear(int year, CurrentUser legal, List<Squad> squads, Random random) {
		String[][] items = { { "行政处罚法及程序规定", "3", "4" }, { "执法全过程记录与证据固定", "6", "3.5" },
				{ "简易程序案件审核要点", "9", "3" } };
		for (Squad squad : squads) {
			if (!"DIRECT_SQUAD".equals(squad.type()) || squad.legalOfficer() == null) {
				continue;
			}
			CurrentUser officer = squad.legalOfficer();
			long plan = time.as(officer, LocalDate.of(year, 1, 10), LocalTime.of(10, 0), () -> {
				long id = training.createPlan(squad.id(), year);
				for (String[] item : items) {
					training.addPlanItem(id, item[0], null, Integer.parseInt(item[1]), new BigDecimal(item[2]),
							officer.displayName(), "本中队执法人员", "闭卷考试");
				}
				training.submitPlan(id);
				return id;
			});
			time.as(legal, workday(LocalDate.of(year, 1, 20)), () -> training.coordinatePlan(plan));
			List<String> members = jdbc.sql("""
					select employee_no from person where unit_id = :unit and category = 'FORMAL' order by employee_no""")
				.param("unit", squad.id())
				.query(String.class)
				.list();
			for (int i = 0; i < 2; i++) {
				int itemNo = i + 1;
				LocalDate held = workday(LocalDate.of(year, Integer.parseInt(items[i][1]), 12));
				time.as(officer, held, () -> {
					long session = training.sessionFromPlan(plan, itemNo, held, squad.name() + "会议室",
							new BigDecimal(items[itemNo - 1][2]), held);
					for (String no : members) {
						boolean present = random.nextInt(15) > 0;
						training.attend(session, no, present,
								present ? BigDecimal.valueOf(70 + random.nextInt(29)) : null);
					}
				});
			}
		}
		List<String> leaders = jdbc.sql("""
				select p.employee_no from person p join unit u on u.id = p.unit_id
				where p.post in ('SQUAD_LEADER', 'LEGAL_OFFICER') and u.type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD')
				order by p.employee_no""")
			.query(String.class)
			.list();
		LocalDate held = workday(LocalDate.of(year, 11, 18));
		time.as(legal, held, () -> {
			long session = training.openSession(TrainingSource.LEGAL, "案卷评查标准解读", held, "局三楼会议室",
					new BigDecimal("3"), held);
			for (String no : leaders) {
				training.attend(session, no, true, BigDecimal.valueOf(75 + random.nextInt(24)));
			}
		});
	}

	// ------------------------------------------------------------------

	/**
	 * 法制科 holds the month's 研判会商 around the 20th with its minutes (March's a few days late, on the 28th);
	 * the key tasks it sets by hand are checked done in December with a note of their evidence, two are still in
	 * progress (the system computes the others from the data: the standards and coverage tasks stay overdue where
	 * the demo's squads fall short, by design).
	 */
	private void meetingsAndTasks(int year, CurrentUser legal, Random random) {
		List<String> leaders = jdbc.sql("""
				select p.name from person p join unit u on u.id = p.unit_id
				where u.type = 'SECTION' order by p.employee_no limit 4""")
			.query(String.class)
			.list();
		String attendees = String.join("、", leaders);
		List<Runnable> acts = new ArrayList<>();
		String[] topics = { "简易程序案件审核中发现的共性问题", "退卷案件的主要扣分项及整改", "全过程记录缺失情况",
				"案卷评查结果通报", "季度积分公示与申诉处理", "执法人员年度办案标准完成情况" };
		for (int m = 1; m <= 12; m++) {
			LocalDate held = workday(LocalDate.of(year, m, m == 3 ? 28 : 18 + random.nextInt(5)));
			String minutes = "一、研判" + topics[(m - 1) % topics.length] + "；二、部署下月执法办案提质增效重点工作。";
			acts.add(() -> time.as(legal, held, () -> supervision.recordMeeting(held, attendees, minutes)));
		}
		inOneTransaction("研判会商 " + year, acts);
		int set = 0;
		for (int no = 1; no <= 18; no++) {
			// 4 is long-term, 18 (the year's summary) is due on 31 December: in progress, neither overdue
			boolean open = no == 4 || no == 18;
			// checked at the year's end, so a monthly task's last round counts as done too
			LocalDate on = workday(LocalDate.of(year, 12, 10 + no % 10));
			TaskStatus status = open ? TaskStatus.IN_PROGRESS : TaskStatus.DONE;
			String note = open ? "按计划推进中，阶段性材料已归档" : "已完成，会议纪要、通知文件及工作台账已归档备查";
			int taskNo = no;
			if (time.as(legal, on, LocalTime.of(16, 0), () -> supervision.setTaskStatus(taskNo, status, note))) {
				set++;
			}
		}
		log.info("演示：研判会商 12 次，重点任务手工状态 {} 项", set);
	}

	// ------------------------------------------------------------------

	/**
	 * 法制科 publishes the last quarter on the 8th working day of January; three officers appeal a line of their
	 * breakdown; one is upheld, one rejected, one waits.
	 */
	private void publishTheLastQuarter(int year, CurrentUser legal, Random random) {
		Period quarter = Period.quarter(year, 4);
		LocalDate published = workday(LocalDate.of(year + 1, 1, 12));
		time.as(legal, published, () -> publications.publish(quarter,
				publications.find(quarter).map(p -> p.getVersion()).orElse(null)));
		record Line(String employeeNo, long personId, long unitId, String name, String caseNo) {
		}
		List<Line> lines = jdbc.sql("""
				select distinct on (p.id) p.employee_no, p.id, p.unit_id, p.name, c.case_no
				from case_file c join person p on p.id = c.lead_id
				where c.concluded_on between :from and :to and p.category = 'FORMAL'
				order by p.id, c.case_no""")
			.param("from", quarter.start())
			.param("to", quarter.end())
			.query((rs, n) -> new Line(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5)))
			.list();
		List<Long> appeals = new ArrayList<>();
		String[] reasons = { "该案我为主办人，明细中的案件类别有误，应为普通程序", "该案的退卷扣分已在补正后撤销，请复核",
				"该案办结日期为本季度，请核对计分" };
		for (int i = 0; i < Math.min(3, lines.size()); i++) {
			Line line = lines.get((i * 37 + random.nextInt(5)) % lines.size());
			CurrentUser officer = new CurrentUser(null, "demo-" + line.employeeNo(), line.name(), Role.OFFICER,
					line.unitId(), line.personId());
			String reason = reasons[i];
			try {
				appeals.add(time.as(officer, published.plusDays(2 + i), LocalTime.of(15, 0),
						() -> publications.appeal(line.employeeNo(), quarter, line.caseNo(), null, reason).getId()));
			}
			catch (RuntimeException e) {
				log.debug("演示：申诉未记录 {}：{}", line.employeeNo(), e.getMessage());
			}
		}
		LocalDate decided = workday(published.plusDays(7));
		if (appeals.size() > 0) {
			time.as(legal, decided, () -> publications.uphold(appeals.get(0), appealVersion(appeals.get(0)), "经核对，已按申诉更正该案的计分"));
		}
		if (appeals.size() > 1) {
			time.as(legal, decided, () -> publications.reject(appeals.get(1), appealVersion(appeals.get(1)), "经核对，该案计分符合附件1积分制的规定"));
		}
	}

	private Integer appealVersion(long id) {
		return jdbc.sql("select version from score_appeal where id = ?").param(id).query(Integer.class).single();
	}

	// ------------------------------------------------------------------ the acting people

	/** A person of 法制科 (the organ unit whose name says so) acting as LEGAL. */
	private CurrentUser legalSection() {
		return jdbc.sql("""
				select p.id, p.employee_no, p.name, p.unit_id from person p join unit u on u.id = p.unit_id
				where u.type = 'SECTION' order by case when u.name like '%法制%' then 0 else 1 end, p.employee_no limit 1""")
			.query((rs, n) -> user(rs.getLong(1), rs.getString(2), rs.getString(3), Role.LEGAL, rs.getLong(4)))
			.single();
	}

	private List<Squad> squads() {
		record Person(long id, String employeeNo, String name, long unitId, String post) {
		}
		List<Person> people = jdbc.sql("""
				select p.id, p.employee_no, p.name, p.unit_id, p.post from person p
				where p.post in ('SQUAD_LEADER', 'LEGAL_OFFICER') order by p.employee_no""")
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5)))
			.list();
		return jdbc.sql("""
				select id, name, type from unit where type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD') order by id""")
			.query((rs, n) -> {
				long id = rs.getLong(1);
				CurrentUser leader = people.stream()
					.filter(p -> p.unitId() == id && p.post().equals("SQUAD_LEADER"))
					.findFirst()
					.map(p -> user(p.id(), p.employeeNo(), p.name(), Role.SQUAD_LEADER, id))
					.orElse(null);
				CurrentUser officer = people.stream()
					.filter(p -> p.unitId() == id && p.post().equals("LEGAL_OFFICER"))
					.findFirst()
					.map(p -> user(p.id(), p.employeeNo(), p.name(), Role.LEGAL_OFFICER, id))
					.orElse(null);
				return new Squad(id, rs.getString(2), rs.getString(3), leader, officer);
			})
			.list();
	}

	private static CurrentUser user(long personId, String employeeNo, String name, Role role, long unitId) {
		return new CurrentUser(null, "demo-" + employeeNo, name, role, unitId, personId);
	}

	private static boolean handled(CurrentUser user, long leadId, long coId) {
		return user.personId() != null && (user.personId() == leadId || user.personId() == coId);
	}

	private static int indexOf(List<Squad> squads, long unitId) {
		for (int i = 0; i < squads.size(); i++) {
			if (squads.get(i).id() == unitId) {
				return i;
			}
		}
		return 0;
	}

	/** The day itself, or the Monday after a weekend (holidays aside: the demo needs a plausible day, not the law). */
	private static LocalDate workday(LocalDate day) {
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return day.plusDays(2);
		}
		return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
	}

}
