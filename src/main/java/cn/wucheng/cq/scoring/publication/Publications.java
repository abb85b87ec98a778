package cn.wucheng.cq.scoring.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.AppealDecided;
import cn.wucheng.cq.scoring.Breakdown;
import cn.wucheng.cq.scoring.BreakdownItem;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Publication and appeals (公示与申诉, R-26). The rules are the methods of {@link Publication} and {@link Appeal}; this
 * service loads, checks the data scope and the version the user saw, counts the notice period in working days
 * (R-27), takes the snapshot at finalisation, saves and audits.
 */
@Service
public class Publications {

	static final String ENTITY = "quarter_publication";

	static final String APPEAL = "score_appeal";

	/** An appeal as the lists show it. */
	public record AppealRow(long id, int version, String periodCode, long personId, String employeeNo, String name,
			String unitName, AppealKind kind, String caseNo, String awardLevel, String itemLabel, String reason,
			LocalDate filedOn, AppealStatus status, String decisionNote, LocalDate decidedOn, String decidedBy) {

		public boolean isOpen() {
			return status == AppealStatus.OPEN;
		}

		/** R-26: an appeal about a case missing from the breakdown (not about one of its lines). */
		public boolean isMissingCase() {
			return kind == AppealKind.MISSING_CASE;
		}

		/**
		 * Which breakdown line it concerns: case number and award level (empty for the case line); an appeal about a
		 * missing case concerns no line (should the case be added after it, its line may still be appealed).
		 */
		public String itemKey() {
			return isMissingCase() ? "missing|" + caseNo : itemKey(caseNo, awardLevel);
		}

		public static String itemKey(String caseNo, String awardLevel) {
			return caseNo + "|" + (awardLevel == null ? "" : awardLevel);
		}

	}

	/** A finalisation of the quarter and, when it was re-opened, who did it, when and why. */
	public record FreezeRow(long id, LocalDateTime finalisedAt, String finalisedBy, LocalDateTime reopenedAt,
			String reopenedBy, String reopenReason) {
	}

	private final PublicationRepository publications;

	private final AppealRepository appeals;

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final RuleSettings settings;

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final AuditLog audit;

	private final Clock clock;

	private final DataStamp stamp;

	private final Refusals refusals;

	private final ApplicationEventPublisher events;

	Publications(PublicationRepository publications, AppealRepository appeals, JdbcClient jdbc,
			WorkingDays workingDays, RuleSettings settings, ScoreLedger ledger,
			CaseStandards standards, AuditLog audit, Clock clock, DataStamp stamp, Refusals refusals,
			ApplicationEventPublisher events) {
		this.events = events;
		this.stamp = stamp;
		this.refusals = refusals;
		this.publications = publications;
		this.appeals = appeals;
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.settings = settings;
		this.ledger = ledger;
		this.standards = standards;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The state of a quarter today (a quarter never published is a draft); a month or year has none. */
	public Optional<QuarterState> state(Period period) {
		if (!period.isQuarter()) {
			return Optional.empty();
		}
		LocalDate today = LocalDate.now(clock);
		// read by every scoring page view: kept until a publication (or anything else DataStamp watches) changes
		return Optional.of(stamp.cached(DataCache.QUARTER_STATES, new StateKey(period, today),
				() -> find(period).map(p -> p.state(today)).orElseGet(() -> QuarterState.draft(period, today))));
	}

	private record StateKey(Period quarter, LocalDate today) {
	}

	/** The quarter's publication, or a new draft (not saved) when it was never published. */
	public Publication publicationOf(Period quarter) {
		return find(quarter).orElseGet(() -> Publication.draft(quarter));
	}

	public Optional<Publication> find(Period quarter) {
		return publications.findByPeriodCode(quarter.toString());
	}

	/** The latest quarter officers may see (published, final or re-opened), if any. */
	public Optional<Period> latestVisibleQuarter() {
		return jdbc.sql("select period_code from quarter_publication where status <> 'DRAFT'")
			.query(String.class)
			.list()
			.stream()
			.map(Period::parse)
			.max((a, b) -> a.start().compareTo(b.start()));
	}

	/** Every quarter that was ever published, newest first, with its state today. */
	public List<QuarterState> published() {
		LocalDate today = LocalDate.now(clock);
		return publications.findAll()
			.stream()
			.map(p -> p.state(today))
			.sorted((a, b) -> b.quarter().start().compareTo(a.quarter().start()))
			.toList();
	}

	/** The appeals of a quarter the user may see: all for readers of everything, his unit's, or his own. */
	public List<AppealRow> appeals(Period quarter, CurrentUser user) {
		if (!user.readsAll() && user.unitFilter().isEmpty() && user.personFilter().isEmpty()) {
			return List.of();
		}
		// read by every view of a breakdown: kept per quarter and data scope until an appeal (or anything) changes
		return stamp.cached(DataCache.APPEALS, new AppealsKey(quarter, user.readsAll(), user.unitFilter().orElse(null),
				user.personFilter().orElse(null)), () -> readAppeals(quarter, user));
	}

	private record AppealsKey(Period quarter, boolean all, Long unit, Long person) {
	}

	private List<AppealRow> readAppeals(Period quarter, CurrentUser user) {
		StringBuilder sql = new StringBuilder("""
				select a.id, a.version, q.period_code, a.person_id, p.employee_no, p.name, u.name unit_name, a.kind,
				  coalesce(a.missing_case_no, c.case_no) case_no, e.award_level, a.item_label, a.reason, a.filed_on, a.status, a.decision_note, a.decided_on, a.decided_by
				from score_appeal a
				join quarter_publication q on q.id = a.publication_id
				join person p on p.id = a.person_id
				join unit u on u.id = p.unit_id
				left join case_file c on c.id = a.case_id
				left join excellent_award e on e.id = a.award_id
				where q.period_code = :code""");
		user.unitFilter().ifPresent(u -> sql.append(" and p.unit_id = :unit"));
		user.personFilter().ifPresent(p -> sql.append(" and a.person_id = :person"));
		sql.append(" order by case when a.status = 'OPEN' then 0 else 1 end, a.filed_on, a.id");
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("code", quarter.toString());
		if (user.unitFilter().isPresent()) {
			spec = spec.param("unit", user.unitFilter().get());
		}
		if (user.personFilter().isPresent()) {
			spec = spec.param("person", user.personFilter().get());
		}
		return spec.query((rs, n) -> new AppealRow(rs.getLong("id"), rs.getInt("version"), rs.getString("period_code"),
				rs.getLong("person_id"), rs.getString("employee_no"), rs.getString("name"), rs.getString("unit_name"),
				AppealKind.valueOf(rs.getString("kind")), rs.getString("case_no"), rs.getString("award_level"), rs.getString("item_label"), rs.getString("reason"),
				rs.getObject("filed_on", LocalDate.class), AppealStatus.valueOf(rs.getString("status")),
				rs.getString("decision_note"), rs.getObject("decided_on", LocalDate.class),
				rs.getString("decided_by")))
			.list()
			.stream()
			.toList();
	}

	/** The finalisations of a quarter, oldest first, with their re-openings. */
	public List<FreezeRow> freezes(Period quarter) {
		return jdbc.sql("""
				select f.id, f.finalised_at, f.finalised_by, f.reopened_at, f.reopened_by, f.reopen_reason
				from score_freeze f join quarter_publication q on q.id = f.publication_id
				where q.period_code = :code
				order by f.id""")
			.param("code", quarter.toString())
			.query((rs, n) -> new FreezeRow(rs.getLong(1), time(rs.getTimestamp(2)), rs.getString(3),
					time(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** The notice period of a publication on {@code day}: the n-th working day after it (R-26 default 5, R-27). */
	public LocalDate noticeEndsOn(LocalDate day) {
		return workingDays.addWorkingDays(day, settings.integer(RuleSetting.NOTICE_WORKING_DAYS));
	}

	// ------------------------------------------------------------------ changes

	/** 公示: the legal section publishes a quarter today for the notice period. */
	@Transactional
	public Publication publish(Period quarter, Integer version) {
		Publication p = checked(publicationOf(quarter), version);
		String before = p.describe();
		LocalDate today = LocalDate.now(clock);
		p.publish(CurrentUser.get().username(), today, noticeEndsOn(today));
		p = publications.save(p);
		audit.record("SCORES_PUBLISHED", ENTITY, p.getPeriodCode(), "R-26", before, p.describe());
		return p;
	}

	/**
	 * 申诉: the signed-in officer appeals one item of his own breakdown of the quarter — a case line ({@code awardLevel}
	 * empty) or the award line of that level. Someone else's score, or an item not in his breakdown, is not found.
	 */
	@Transactional
	public Appeal appeal(String employeeNo, Period quarter, String caseNo, String awardLevel, String reason) {
		CurrentUser user = CurrentUser.get();
		Breakdown breakdown = ownBreakdown(user, employeeNo, quarter);
		AwardLevel level = level(awardLevel);
		BreakdownItem item = breakdown.items()
			.stream()
			.filter(i -> i.caseNo().equals(caseNo) && Objects.equals(i.awardLevel(), level)
					&& (level == null) == (i.kind() == BreakdownItem.Kind.CASE))
			.findFirst()
			// not found (404), not refused: another's item is not revealed
			.orElseThrow(() -> new NotFoundException(level == null
					? refusals.message("publication.refused.noItem", quarter.label(), caseNo)
					: refusals.message("publication.refused.noAwardItem", quarter.label(), caseNo, level.label())));
		Publication publication = publicationOf(quarter);
		publication.requireOpenForAppeal(LocalDate.now(clock));
		long caseId = jdbc.sql("select id from case_file where bureau_id = cq_bureau() and case_no = ?")
			.param(caseNo)
			.query(Long.class)
			.single();
		Long awardId = level == null ? null
				: jdbc.sql("select id from excellent_award where case_id = ? and award_level = ?")
					.params(caseId, level.name())
					.query(Long.class)
					.single();
		long earlier = jdbc.sql("""
				select count(*) from score_appeal
				where publication_id = ? and person_id = ? and kind = 'ITEM' and case_id = ? and coalesce(award_id, 0) = ?""")
			.params(publication.getId(), breakdown.score().personId(), caseId, awardId == null ? 0L : awardId)
			.query(Long.class)
			.single();
		if (earlier > 0) {
			throw Refusal.of("publication.refused.appealedTwice");
		}
		String label = level == null
				? refusals.message("publication.appeal.item.case", caseNo, item.role().label(), item.category().label())
				: refusals.message("publication.appeal.item.award", level.label(), caseNo, item.role().label());
		Appeal appeal = appeals.save(Appeal.file(publication, breakdown.score().personId(), caseId, awardId, label,
				reason, user.username(), LocalDate.now(clock)));
		audit.record("SCORE_APPEAL_FILED", APPEAL, publication.getPeriodCode() + " " + employeeNo + " " + label, "R-26",
				null, appeal.describe());
		return appeal;
	}

	/** The longest 案件编号 the case table holds. */
	static final int MAX_CASE_NO = 60;

	/**
	 * 申诉 about a missing case (R-26): the signed-in officer names, by its 案件编号, a case he handled that is not in
	 * his breakdown of the quarter. A number already in his breakdown is refused (he appeals that line instead), as
	 * is a second appeal about the same number; the case need not be in the system (it may never have been
	 * imported). The legal section decides it like any other appeal.
	 */
	@Transactional
	public Appeal appealMissingCase(String employeeNo, Period quarter, String caseNo, String reason) {
		CurrentUser user = CurrentUser.get();
		Breakdown breakdown = ownBreakdown(user, employeeNo, quarter);
		String number = caseNo == null ? "" : caseNo.strip();
		if (number.isEmpty()) {
			throw Refusal.of("publication.appeal.missing.noCaseNo");
		}
		if (number.length() > MAX_CASE_NO) {
			throw Refusal.of("publication.appeal.missing.caseNoTooLong", MAX_CASE_NO, number.length());
		}
		if (breakdown.items().stream().anyMatch(i -> i.caseNo().equalsIgnoreCase(number))) {
			throw Refusal.of("publication.appeal.missing.inBreakdown", number);
		}
		Publication publication = publicationOf(quarter);
		publication.requireOpenForAppeal(LocalDate.now(clock));
		long earlier = jdbc.sql("""
				select count(*) from score_appeal
				where publication_id = ? and person_id = ? and kind = 'MISSING_CASE'
				  and upper(missing_case_no) = upper(?)""")
			.params(publication.getId(), breakdown.score().personId(), number)
			.query(Long.class)
			.single();
		if (earlier > 0) {
			throw Refusal.of("publication.appeal.missing.twice", number);
		}
		Long caseId = jdbc.sql("select id from case_file where bureau_id = cq_bureau() and case_no = ?")
			.param(number)
			.query(Long.class)
			.optional()
			.orElse(null);
		String label = refusals.message("publication.appeal.missing.label", number);
		Appeal appeal = appeals.save(Appeal.fileMissingCase(publication, breakdown.score().personId(), caseId, number,
				label, reason, user.username(), LocalDate.now(clock)));
		audit.record("SCORE_APPEAL_FILED", APPEAL, publication.getPeriodCode() + " " + employeeNo + " " + label, "R-26",
				null, appeal.describe());
		return appeal;
	}

	/** The signed-in officer's own breakdown of the quarter; anyone else's is not found. */
	private Breakdown ownBreakdown(CurrentUser user, String employeeNo, Period quarter) {
		return ledger.breakdown(employeeNo, quarter, ScoreScope.of(user, null))
			.filter(b -> user.personId() != null && user.personId() == b.score().personId())
			.orElseThrow(() -> new NotFoundException(refusals.message("publication.refused.noBreakdown", employeeNo)));
	}

	/** 申诉成立: the legal section upholds an appeal with a note. */
	@Transactional
	public Appeal uphold(long appealId, Integer version, String note) {
		Appeal a = appealToDecide(appealId, version);
		String before = a.describe();
		a.uphold(note, CurrentUser.get().username(), LocalDate.now(clock));
		a = appeals.save(a);
		audit.record("SCORE_APPEAL_UPHELD", APPEAL, key(a), "R-26", before, a.describe());
		decided(a, true, note);
		return a;
	}

	/** 申诉不成立: the legal section rejects an appeal with a reason. */
	@Transactional
	public Appeal reject(long appealId, Integer version, String reason) {
		Appeal a = appealToDecide(appealId, version);
		String before = a.describe();
		a.reject(reason, CurrentUser.get().username(), LocalDate.now(clock));
		a = appeals.save(a);
		audit.record("SCORE_APPEAL_REJECTED", APPEAL, key(a), "R-26", before, a.describe());
		decided(a, false, reason);
		return a;
	}

	/**
	 * 定稿: after the notice period and with every appeal decided, the quarter becomes final and its scores, breakdown
	 * lines, ranking and standards are copied into a snapshot (set-based) that is read from then on.
	 */
	@Transactional
	public Publication finalise(Period quarter, Integer version) {
		Publication p = checked(publicationOf(quarter), version);
		String before = p.describe();
		long open = p.getId() == null ? 0 : appeals.countByPublicationIdAndStatus(p.getId(), AppealStatus.OPEN);
		p.finalise(LocalDate.now(clock), open);
		RuleSettings.YearlyStandard std = settings.standard(quarter.year());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into score_freeze (publication_id, finalised_at, finalised_by, simple_min, ordinary_min, organ_min)
				values (?, ?, ?, ?, ?, ?)""")
			.params(p.getId(), LocalDateTime.now(clock), CurrentUser.get().username(), std.simpleMin(), std.ordinaryMin(),
					settings.integer(RuleSetting.ORGAN_ORDINARY_MIN))
			.update(key, "id");
		long freezeId = key.getKey().longValue();
		ledger.freeze(freezeId, quarter);
		standards.freeze(freezeId, quarter);
		p.frozenAs(freezeId);
		p = publications.save(p);
		audit.record("SCORES_FINALISED", ENTITY, p.getPeriodCode(), "R-26", before, p.describe());
		return p;
	}

	/** 重新开放: a final quarter returns to live data; who, when and why are recorded on the freeze it ends. */
	@Transactional
	public Publication reopen(Period quarter, Integer version, String reason) {
		Publication p = checked(publicationOf(quarter), version);
		String before = p.describe();
		long ended = p.reopen(reason);
		jdbc.sql("update score_freeze set reopened_at = ?, reopened_by = ?, reopen_reason = ? where id = ?")
			.params(LocalDateTime.now(clock), CurrentUser.get().username(), reason.strip(), ended)
			.update();
		p = publications.save(p);
		audit.record("SCORES_REOPENED", ENTITY, p.getPeriodCode(), "R-26：" + reason.strip(), before, p.describe());
		return p;
	}

	private Appeal appealToDecide(long appealId, Integer version) {
		Appeal a = appeals.findById(appealId).orElseThrow(() -> new NotFoundException(refusals.message("publication.refused.noAppeal")));
		if (!Objects.equals(version, a.getVersion())) {
			// the publication's own words for a stale form (a quarter or an appeal, not 该记录)
			throw Refusal.of("publication.stale").withStatus(HttpStatus.CONFLICT);
		}
		return a;
	}

	/** The version the user saw must still be the publication's (null for a quarter never published). */
	private static Publication checked(Publication p, Integer version) {
		if (!Objects.equals(version, p.getVersion())) {
			throw Refusal.of("publication.stale").withStatus(HttpStatus.CONFLICT);
		}
		return p;
	}

	/** Tells the officer (message centre) in this transaction: a message exactly when the decision is committed. */
	private void decided(Appeal a, boolean upheld, String note) {
		String[] of = jdbc.sql("select p.period_code, e.employee_no from quarter_publication p, person e "
				+ "where p.id = ? and e.id = ?")
			.params(a.getPublicationId(), a.getPersonId())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		events.publishEvent(new AppealDecided(a.getId(), a.getPersonId(), of[1], of[0], a.getItemLabel(), upheld,
				note == null ? null : note.strip()));
	}

	private String key(Appeal a) {
		String code = jdbc.sql("select period_code from quarter_publication where id = ?")
			.param(a.getPublicationId())
			.query(String.class)
			.single();
		return code + " #" + a.getId() + " " + a.getItemLabel();
	}

	private AwardLevel level(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return AwardLevel.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException(refusals.message("publication.refused.noAwardLevel", text));
		}
	}

	private static LocalDateTime time(Timestamp t) {
		return t == null ? null : t.toLocalDateTime();
	}

}
