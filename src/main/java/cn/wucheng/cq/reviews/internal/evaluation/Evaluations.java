package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.reviews.EvaluationGrade;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Case-file evaluation (案卷评查, R-43): 法制科 opens a round (peer evaluation or spot check) whose files are drawn
 * reproducibly from the month's concluded ordinary cases of the squads, assigns evaluators of other units (or names a
 * third party), evaluators score their files against the standard, and a file rated 优秀 is put forward as a 局级优秀
 * 案卷 in one step. An evaluator sees other evaluators' scores of a file only after submitting his own.
 * Lists are one SQL pass each; every change is audited in its transaction.
 */
@Service
public class Evaluations {

	/** A round in the list. */
	public record RoundRow(long id, RoundKind kind, YearMonth month, int perSquad, long seed, LocalDate openedOn,
			String openedBy, int files, int evaluations, int submitted) {
	}

	/** An evaluation as the round and evaluation pages show it. */
	public record EvaluationRow(long id, String evaluatorName, String evaluatorUnit, EvaluationStatus status,
			BigDecimal score, EvaluationGrade grade, boolean vetoed, LocalDate submittedOn) {
	}

	/**
	 * A drawn file with its evaluations and result: the mean of the submitted scores; {@code masked} when the viewer
	 * has an evaluation of it not yet submitted (he sees no score until he submits his own).
	 */
	public record FileRow(long caseId, String caseNo, String title, long unitId, String unitName,
			LocalDate concludedOn, int drawOrder, List<EvaluationRow> evaluations, BigDecimal result,
			EvaluationGrade grade, boolean awarded, boolean masked) {
	}

	/** An evaluation in an evaluator's own list. */
	public record MineRow(long id, long roundId, RoundKind kind, YearMonth month, String caseNo, String title,
			String unitName, EvaluationStatus status, BigDecimal score, EvaluationGrade grade) {
	}

	/** The case behind an evaluated file. */
	public record FileCase(long caseId, String caseNo, String title, String categoryLabel, String unitName,
			LocalDate concludedOn) {
	}

	private final EvaluationRoundRepository rounds;

	private final EvaluationRepository evaluations;

	private final EvaluationStandard standard;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	private final cn.wucheng.cq.settings.RuleSettings settings;

	private final SecureRandom seeds = new SecureRandom();

	Evaluations(EvaluationRoundRepository rounds, EvaluationRepository evaluations, EvaluationStandard standard,
			JdbcClient jdbc, AuditLog audit, Refusals text, Clock clock, cn.wucheng.cq.settings.RuleSettings settings) {
		this.text = text;
		this.settings = settings;
		this.rounds = rounds;
		this.evaluations = evaluations;
		this.standard = standard;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	// ------------------------------------------------------------------ rounds

	/**
	 * Opens a round and draws n files per squad from the month's concluded ordinary cases. Without a seed one
	 * is generated; either way it is recorded, so the draw can be repeated.
	 */
	@Transactional
	public EvaluationRound open(RoundKind kind, YearMonth month, int perSquad, Long seed, CurrentUser user) {
		long s = seed != null ? seed : seeds.nextLong() & 0x7fff_ffff_ffffL; // short enough to read out and type
		List<FileDraw.Candidate> candidates = month == null ? List.of() : candidates(month);
		EvaluationRound round = EvaluationRound.open(kind, month, perSquad, s, candidates, LocalDate.now(clock),
				user.displayName());
		EvaluationRound saved = rounds.save(round);
		audit.record("EVALUATION_ROUND_OPENED", "evaluation_round", Long.toString(saved.getId()), "R-43", null,
				"kind=" + kind + "\nmonth=" + month + "\nperSquad=" + perSquad + "\nseed=" + s + "\nfiles="
						+ saved.getFiles().size());
		return saved;
	}

	/** The month's concluded ordinary cases (普通程序 and 重大疑难: the cases with a full file) of the squads. */
	List<FileDraw.Candidate> candidates(YearMonth month) {
		return jdbc.sql("""
				select c.id, c.case_no, c.unit_id from case_file c join unit u on u.id = c.unit_id
				where c.category in ('ORDINARY', 'MAJOR') and c.concluded_on between :start and :end
				  and u.type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD')""")
			.param("start", month.atDay(1))
			.param("end", month.atEndOfMonth())
			.query((rs, n) -> new FileDraw.Candidate(rs.getLong("id"), rs.getString("case_no"), rs.getLong("unit_id")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<RoundRow> rounds() {
		return jdbc.sql("""
				select r.id, r.kind, r.round_month, r.per_squad, r.seed, r.opened_on, r.opened_by,
				       (select count(*) from evaluation_file f where f.round_id = r.id) as files,
				       (select count(*) from evaluation e where e.round_id = r.id) as evaluations,
				       (select count(*) from evaluation e where e.round_id = r.id and e.status = 'SUBMITTED') as submitted
				from evaluation_round r order by r.round_month desc, r.id desc""")
			.query((rs, n) -> new RoundRow(rs.getLong("id"), RoundKind.valueOf(rs.getString("kind")),
					YearMonth.from(rs.getObject("round_month", LocalDate.class)), rs.getInt("per_squad"),
					rs.getLong("seed"), rs.getObject("opened_on", LocalDate.class), rs.getString("opened_by"),
					rs.getInt("files"), rs.getInt("evaluations"), rs.getInt("submitted")))
			.list();
	}

	@Transactional(readOnly = true)
	public EvaluationRound round(long id) {
		return rounds.findById(id).orElseThrow(() -> notFound("evaluation.notFound.round"));
	}

	/** The round's files with their evaluations, results and awards; scores masked where the viewer must not see. */
	@Transactional(readOnly = true)
	public List<FileRow> files(EvaluationRound round, CurrentUser user) {
		Map<Long, List<EvaluationRow>> byCase = new HashMap<>();
		Set<Long> blind = new HashSet<>();
		jdbc.sql("""
				select e.id, e.case_id, e.evaluator_name, e.evaluator_person_id, u.name as evaluator_unit, e.status,
				       e.score, e.grade, e.vetoed, e.submitted_on
				from evaluation e left join person p on p.id = e.evaluator_person_id left join unit u on u.id = p.unit_id
				where e.round_id = :round order by e.id""").param("round", round.getId()).query((rs, n) -> {
			long caseId = rs.getLong("case_id");
			Long person = rs.getObject("evaluator_person_id", Long.class);
			EvaluationStatus status = EvaluationStatus.valueOf(rs.getString("status"));
			if (person != null && person.equals(user.personId()) && status != EvaluationStatus.SUBMITTED) {
				blind.add(caseId);
			}
			byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(row(rs));
			return null;
		}).list();
		Set<Long> awarded = new HashSet<>(jdbc.sql("""
				select a.case_id from excellent_award a join evaluation_file f on f.case_id = a.case_id
				where f.round_id = :round and a.award_level = :level""")
			.param("round", round.getId())
			.param("level", AwardLevel.BUREAU.name())
			.query(Long.class)
			.list());
		return jdbc.sql("""
				select f.case_id, f.unit_id, f.draw_order, c.case_no, c.title, c.concluded_on, u.name as unit_name
				from evaluation_file f join case_file c on c.id = f.case_id join unit u on u.id = f.unit_id
				where f.round_id = :round order by f.draw_order""").param("round", round.getId()).query((rs, n) -> {
			long caseId = rs.getLong("case_id");
			boolean masked = blind.contains(caseId);
			List<EvaluationRow> evs = byCase.getOrDefault(caseId, List.of());
			BigDecimal result = masked ? null : result(evs);
			if (masked) {
				evs = evs.stream().map(Evaluations::masked).toList();
			}
			return new FileRow(caseId, rs.getString("case_no"), rs.getString("title"), rs.getLong("unit_id"),
					rs.getString("unit_name"), rs.getObject("concluded_on", LocalDate.class), rs.getInt("draw_order"),
					evs, result, result == null ? null : EvaluationGrade.of(result, EvaluationGrade.Thresholds.of(settings)), awarded.contains(caseId), masked);
		}).list();
	}

	/**
	 * assigns an evaluator to a drawn file — for a peer round a person by 工号, refused when of the file's own
	 * unit; for a spot check a third party by name.
	 */
	@Transactional
	public Evaluation assign(long roundId, long caseId, String employeeNo, String evaluatorName, CurrentUser user) {
		EvaluationRound round = round(roundId);
		DrawnFile file = round.file(caseId).orElseThrow(() -> notFound("evaluation.notFound.file"));
		List<Evaluation> existing = evaluations.findByRoundIdAndCaseId(roundId, caseId);
		String fileUnit = jdbc.sql("select name from unit where id = ?").param(file.unitId()).query(String.class)
			.single();
		Evaluation e;
		if (round.getKind() == RoundKind.PEER_REVIEW) {
			String no = employeeNo == null ? "" : employeeNo.strip();
			if (no.isEmpty()) {
				throw Refusal.of("evaluation.refused.employeeNoMissing");
			}
			record P(long id, String name, long unitId) {
			}
			P p = jdbc.sql("select id, name, unit_id from person where bureau_id = cq_bureau() and employee_no = ?")
				.param(no)
				.query((rs, n) -> new P(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id")))
				.optional()
				.orElseThrow(() -> Refusal.of("evaluation.refused.unknownPerson", no));
			if (existing.stream().anyMatch(x -> Objects.equals(x.getEvaluatorPersonId(), p.id()))) {
				throw Refusal.of("evaluation.refused.alreadyEvaluator", p.name());
			}
			e = Evaluation.peer(round, file, p.id(), p.name(), p.unitId(), fileUnit);
		}
		else {
			if (evaluatorName != null && existing.stream()
				.anyMatch(x -> x.getEvaluatorName().equals(evaluatorName.strip()))) {
				throw Refusal.of("evaluation.refused.alreadyEvaluator", evaluatorName.strip());
			}
			e = Evaluation.spotCheck(round, file, evaluatorName);
		}
		Evaluation saved = evaluations.save(e);
		audit.record("EVALUATION_ASSIGNED", "evaluation", roundId + "/" + caseNo(caseId), "R-43", null,
				saved.describe());
		return saved;
	}

	// ------------------------------------------------------------------ evaluators

	/** The evaluations assigned to the signed-in person, unscored first. */
	@Transactional(readOnly = true)
	public List<MineRow> mine(CurrentUser user) {
		if (user.personId() == null) {
			return List.of();
		}
		return jdbc.sql("""
				select e.id, e.round_id, r.kind, r.round_month, c.case_no, c.title, u.name as unit_name, e.status,
				       e.score, e.grade
				from evaluation e join evaluation_round r on r.id = e.round_id join case_file c on c.id = e.case_id
				join unit u on u.id = e.unit_id
				where e.evaluator_person_id = :person
				order by case when e.status = 'ASSIGNED' then 0 else 1 end, r.round_month desc, c.case_no""")
			.param("person", user.personId())
			.query((rs, n) -> new MineRow(rs.getLong("id"), rs.getLong("round_id"),
					RoundKind.valueOf(rs.getString("kind")),
					YearMonth.from(rs.getObject("round_month", LocalDate.class)), rs.getString("case_no"),
					rs.getString("title"), rs.getString("unit_name"), EvaluationStatus.valueOf(rs.getString("status")),
					rs.getBigDecimal("score"),
					rs.getString("grade") == null ? null : EvaluationGrade.valueOf(rs.getString("grade"))))
			.list();
	}

	/** R-43 reminder: the person's evaluations not yet scored. */
	@Transactional(readOnly = true)
	public long unscoredFor(Long personId) {
		if (personId == null) {
			return 0;
		}
		return jdbc.sql("select count(*) from evaluation where evaluator_person_id = ? and status = 'ASSIGNED'")
			.param(personId)
			.query(Long.class)
			.single();
	}

	/** Spot-check evaluations 法制科 has still to enter. */
	@Transactional(readOnly = true)
	public long unscoredSpotChecks() {
		return jdbc.sql("""
				select count(*) from evaluation e join evaluation_round r on r.id = e.round_id
				where r.kind = 'SPOT_CHECK' and e.status = 'ASSIGNED'""").query(Long.class).single();
	}

	/**
	 * An evaluation the user may open: his own, or any for 法制科/督查科/局领导.
	 * @throws Refusal otherwise (404)
	 */
	@Transactional(readOnly = true)
	public Evaluation evaluation(long id, CurrentUser user) {
		Evaluation e = evaluations.findById(id).orElseThrow(() -> notFound("evaluation.notFound.evaluation"));
		boolean own = e.getEvaluatorPersonId() != null && e.getEvaluatorPersonId().equals(user.personId());
		if (!own && !organiser(user)) {
			throw notFound("evaluation.notFound.evaluation");
		}
		if (!own && user.personId() != null && evaluations.findByRoundIdAndCaseId(e.getRoundId(), e.getCaseId())
			.stream()
			.anyMatch(x -> user.personId().equals(x.getEvaluatorPersonId()) && !x.isSubmitted())) {
			// an evaluator sees no other evaluator's score of the file before submitting his own
			throw Refusal.of("evaluation.refused.ownFirst");
		}
		return e;
	}

	/** Whether the user may score this evaluation: the peer evaluator himself, or 法制科 for a spot check. */
	public boolean canScore(Evaluation e, RoundKind kind, CurrentUser user) {
		if (e.isSubmitted()) {
			return false;
		}
		if (kind == RoundKind.SPOT_CHECK) {
			return user.role() == Role.LEGAL;
		}
		return e.getEvaluatorPersonId() != null && e.getEvaluatorPersonId().equals(user.personId());
	}

	/**
	 * The other evaluations of the same file — empty while the user has an evaluation of the file not yet submitted
	 * no evaluator sees another's score before submitting his own).
	 */
	@Transactional(readOnly = true)
	public List<EvaluationRow> others(Evaluation e, CurrentUser user) {
		List<Evaluation> all = evaluations.findByRoundIdAndCaseId(e.getRoundId(), e.getCaseId());
		boolean blind = all.stream()
			.anyMatch(x -> x.getEvaluatorPersonId() != null && x.getEvaluatorPersonId().equals(user.personId())
					&& !x.isSubmitted());
		if (blind) {
			return List.of();
		}
		return jdbc.sql("""
				select e.id, e.evaluator_name, u.name as evaluator_unit, e.status, e.score, e.grade, e.vetoed,
				       e.submitted_on
				from evaluation e left join person p on p.id = e.evaluator_person_id left join unit u on u.id = p.unit_id
				where e.round_id = :round and e.case_id = :case and e.id <> :id order by e.id""")
			.param("round", e.getRoundId())
			.param("case", e.getCaseId())
			.param("id", e.getId())
			.query((rs, n) -> row(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public FileCase fileCase(long caseId) {
		return jdbc.sql("""
				select c.id, c.case_no, c.title, c.category, c.concluded_on, u.name as unit_name
				from case_file c join unit u on u.id = c.unit_id where c.id = ?""")
			.param(caseId)
			.query((rs, n) -> new FileCase(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"),
					cn.wucheng.cq.cases.CaseCategory.valueOf(rs.getString("category")).label(),
					rs.getString("unit_name"), rs.getObject("concluded_on", LocalDate.class)))
			.single();
	}

	@Transactional(readOnly = true)
	public List<EvaluationItem> standardItems() {
		return standard.active();
	}

	@Transactional(readOnly = true)
	public Map<Long, String> itemCodes() {
		Map<Long, String> codes = new LinkedHashMap<>();
		standard.all().forEach(i -> codes.put(i.getId(), i.getCode() + " " + i.getText()));
		return codes;
	}

	/**
	 * Scores and submits an evaluation.
	 * @throws Refusal when the user may not score it, it is already submitted or an item is not in use
	 * @throws OptimisticLockingFailureException when it changed since {@code seenVersion}
	 */
	@Transactional
	public Evaluation submit(long id, Integer seenVersion, List<Long> itemIds, String remark, CurrentUser user) {
		Evaluation e = evaluation(id, user);
		EvaluationRound round = round(e.getRoundId());
		if (!Objects.equals(e.getVersion(), seenVersion)) {
			throw new OptimisticLockingFailureException("evaluation " + id + " changed");
		}
		if (e.isSubmitted()) {
			throw Refusal.of("evaluation.refused.submitted", e.getSubmittedOn());
		}
		if (!canScore(e, round.getKind(), user)) {
			throw Refusal.of(round.getKind() == RoundKind.SPOT_CHECK ? "evaluation.refused.spotCheckByLegal"
					: "evaluation.refused.notTheEvaluator");
		}
		Map<Long, EvaluationItem> active = standard.active()
			.stream()
			.collect(Collectors.toMap(EvaluationItem::getId, i -> i));
		List<EvaluationItem> failed = new ArrayList<>();
		for (Long itemId : new LinkedHashSet<>(itemIds == null ? List.<Long>of() : itemIds)) {
			EvaluationItem item = itemId == null ? null : active.get(itemId);
			if (item == null) {
				throw Refusal.of("evaluation.refused.itemInactive");
			}
			failed.add(item);
		}
		String before = e.describe();
		e.submit(failed, remark, LocalDate.now(clock), EvaluationGrade.Thresholds.of(settings));
		Evaluation saved = evaluations.save(e);
		audit.record("EVALUATION_SUBMITTED", "evaluation", e.getRoundId() + "/" + caseNo(e.getCaseId()), "R-43",
				before, saved.describe() + "\nitems=" + failed.stream().map(EvaluationItem::getCode).toList());
		return saved;
	}

	// ------------------------------------------------------------------ awards

	/**
	 * R-43 → R-22: puts a file rated 优秀 forward as a 局级优秀案卷, dated today, so the excellence points are credited
	 * in today's period.
	 */
	@Transactional
	public void award(long roundId, long caseId, CurrentUser user) {
		EvaluationRound round = round(roundId);
		FileRow file = files(round, user).stream()
			.filter(f -> f.caseId() == caseId)
			.findFirst()
			.orElseThrow(() -> notFound("evaluation.notFound.file"));
		if (file.grade() != EvaluationGrade.EXCELLENT) {
			BigDecimal from = EvaluationGrade.Thresholds.of(settings).excellentFrom().stripTrailingZeros();
			throw file.result() == null ? Refusal.of("evaluation.refused.awardNotRated", file.caseNo(), from)
					: Refusal.of("evaluation.refused.awardNotExcellent", file.caseNo(), file.result(),
							file.grade().label(), from);
		}
		if (file.awarded()) {
			throw Refusal.of("evaluation.refused.alreadyAwarded", file.caseNo());
		}
		LocalDate today = LocalDate.now(clock);
		String title = text.message("evaluation.award.title", round.getKind().label(), round.getMonth(), file.result());
		jdbc.sql("insert into excellent_award (case_id, award_level, rated_on, title) values (?, ?, ?, ?)")
			.params(caseId, AwardLevel.BUREAU.name(), today, title)
			.update();
		audit.record("EXCELLENT_AWARD_CREATED", "excellent_award", file.caseNo() + " / " + AwardLevel.BUREAU.label(),
				"R-43 → R-22", null, "rated_on=" + today + "\ntitle=" + title);
	}

	// ------------------------------------------------------------------ helpers

	static boolean organiser(CurrentUser user) {
		return user.role() == Role.LEGAL || user.role() == Role.SUPERVISION || user.role() == Role.LEADER;
	}

	private String caseNo(long caseId) {
		return jdbc.sql("select case_no from case_file where id = ?").param(caseId).query(String.class).single();
	}

	private static BigDecimal result(List<EvaluationRow> evs) {
		List<BigDecimal> scores = evs.stream()
			.filter(r -> r.status() == EvaluationStatus.SUBMITTED)
			.map(EvaluationRow::score)
			.toList();
		if (scores.isEmpty()) {
			return null;
		}
		return scores.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
	}

	private static EvaluationRow masked(EvaluationRow r) {
		return new EvaluationRow(r.id(), r.evaluatorName(), r.evaluatorUnit(), r.status(), null, null, false, null);
	}

	private static EvaluationRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String grade = rs.getString("grade");
		BigDecimal score = rs.getBigDecimal("score");
		return new EvaluationRow(rs.getLong("id"), rs.getString("evaluator_name"), rs.getString("evaluator_unit"),
				EvaluationStatus.valueOf(rs.getString("status")), score == null ? null : score.setScale(2),
				grade == null ? null : EvaluationGrade.valueOf(grade), rs.getBoolean("vetoed"),
				rs.getObject("submitted_on", LocalDate.class));
	}

	/** Not there, or not the user's to open: 404, its existence not revealed. */
	private static Refusal notFound(String key) {
		return Refusal.of(key).withStatus(HttpStatus.NOT_FOUND);
	}

}
