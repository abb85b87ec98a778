package cn.wucheng.cq.training.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.SessionFlag;
import cn.wucheng.cq.training.TrainingSource;

/**
 * Training sessions: created from an item of a coordinated plan, attendance and exam scores entered one
 * by one or imported from .xlsx (all or nothing). Lists are one SQL pass each; changes load the session, check the
 * scope and the version the user saw, apply the session's own rules, save and audit.
 */
@Service
class SessionService {

	static final String ENTITY = "training_session";

	static final int MAX_ERRORS_SHOWN = 50;

	/** An attendance import: the rows imported, or the problems that kept the whole file out (issue 15 item 3). */
	record Imported(int rows, List<String> errors) {
	}

	/** A session in the list, with its attendance counts and flags. */
	/** unitId, unitName, planId and itemNo are null for a session of the bureau or 法制科. */
	record SessionRow(long id, TrainingSource organiser, Long planId, Integer itemNo, LocalDate heldOn, Long unitId,
			String unitName, String topic, String place,
			BigDecimal hours, LocalDate bankReleasedOn, int attendees, int signedFormal, int signedAuxiliary,
			Set<SessionFlag> flags) {
	}

	/** An attendee on the session page. */
	record AttendeeRow(long personId, String employeeNo, String name, boolean formal, String unitName,
			boolean signedIn, BigDecimal score, Long replacesId, String replacesNo, String replacesName) {
	}

	/** What the user entered for one attendee. */
	record AttendeeInput(String employeeNo, boolean signedIn, BigDecimal score, String replacesNo) {
	}

	private static final String LIST = """
			select s.id, s.organiser, s.plan_id, s.item_no, s.held_on, s.topic, s.place, s.hours, s.bank_released_on,
			       u.id as unit_id, u.name as unit_name,
			       count(a.person_id) as attendees,
			       coalesce(sum(case when a.signed_in and p.category = 'FORMAL' then 1 else 0 end), 0) as signed_formal,
			       coalesce(sum(case when a.signed_in and p.category <> 'FORMAL' then 1 else 0 end), 0) as signed_aux,
			       coalesce(sum(case when a.replaces_id is not null then 1 else 0 end), 0) as substitutions,
			       coalesce(sum(case when a.signed_in and a.score is null then 1 else 0 end), 0) as no_score
			from training_session s
			left join unit u on u.id = s.unit_id
			left join training_attendee a on a.session_id = s.id
			left join person p on p.id = a.person_id
			where s.held_on between :start and :end and (:unit = 0 or s.unit_id = :unit)
			group by s.id, s.organiser, s.plan_id, s.item_no, s.held_on, s.topic, s.place, s.hours, s.bank_released_on, u.id, u.name
			order by s.held_on desc, s.id desc
			""";

	private final TrainingSessionRepository sessions;

	private final TrainingPlanRepository plans;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	/** The words of the audit details and of an import's problems. */
	private final Refusals text;

	SessionService(TrainingSessionRepository sessions, TrainingPlanRepository plans, JdbcClient jdbc, AuditLog audit,
			Clock clock, Refusals text) {
		this.text = text;
		this.sessions = sessions;
		this.plans = plans;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	/** Sessions of a year the user may see, optionally of one unit, newest first. */
	List<SessionRow> list(int year, Long unit, CurrentUser user) {
		long scope = user.unitFilter().orElse(0L);
		if (unit != null && scope != 0 && unit != scope) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> params = new HashMap<>();
		params.put("start", LocalDate.of(year, 1, 1));
		params.put("end", LocalDate.of(year, 12, 31));
		params.put("unit", unit != null ? unit : scope);
		return jdbc.sql(LIST).params(params).query((rs, n) -> {
			LocalDate heldOn = rs.getDate("held_on").toLocalDate();
			LocalDate bank = date(rs.getDate("bank_released_on"));
			return new SessionRow(rs.getLong("id"), TrainingSource.valueOf(rs.getString("organiser")),
					rs.getObject("plan_id", Long.class), rs.getObject("item_no", Integer.class), heldOn,
					rs.getObject("unit_id", Long.class), rs.getString("unit_name"),
					rs.getString("topic"), rs.getString("place"), rs.getBigDecimal("hours"), bank,
					rs.getInt("attendees"), rs.getInt("signed_formal"), rs.getInt("signed_aux"),
					SessionFlag.of(heldOn, bank, rs.getLong("substitutions"), rs.getLong("no_score"), today));
		}).list();
	}

	/** A session the user may see, else 404. */
	TrainingSession get(long id) {
		TrainingSession s = sessions.findById(id).orElseThrow(() -> PlanService.notFound("session"));
		TrainingScope.requireVisible(s.getUnitId(), "session");
		return s;
	}

	/** The session's attendees with names, in one query: formal officers first, then by 工号. */
	List<AttendeeRow> attendees(long sessionId) {
		return jdbc.sql("""
				select a.person_id, p.employee_no, p.name, p.category, u.name as unit_name, a.signed_in, a.score,
				       a.replaces_id, r.employee_no as replaces_no, r.name as replaces_name
				from training_attendee a
				join person p on p.id = a.person_id
				join unit u on u.id = p.unit_id
				left join person r on r.id = a.replaces_id
				where a.session_id = ?
				order by case when p.category = 'FORMAL' then 0 else 1 end, p.employee_no""")
			.param(sessionId)
			.query((rs, n) -> new AttendeeRow(rs.getLong("person_id"), rs.getString("employee_no"),
					rs.getString("name"), "FORMAL".equals(rs.getString("category")), rs.getString("unit_name"),
					rs.getBoolean("signed_in"), rs.getBigDecimal("score"),
					rs.getObject("replaces_id") == null ? null : rs.getLong("replaces_id"),
					rs.getString("replaces_no"), rs.getString("replaces_name")))
			.list();
	}

	/**
	 * A record behind an officer's hours: a session he attended or in which someone was recorded as attending
	 * in his place, or an external training. {@code sessionId} is null for external training, {@code unitName} for
	 * a session of the bureau or 法制科 and for external training ({@code organiserName} is the 主办单位 there).
	 */
	record Attended(Long sessionId, TrainingSource source, LocalDate heldOn, String unitName, String topic,
			BigDecimal hours, boolean signedIn, BigDecimal score, String replacedByName, boolean counts,
			String organiserName, String certificateNo) {
	}

	/**
	 * R-62 explained: what a person is recorded in during a year — sessions of every organiser as attendee, or as
	 * the formal officer someone replaced (which never counts as his hours) — and his external training. Three
	 * queries, not one per record.
	 */
	List<Attended> attendedBy(long personId, int year) {
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		List<Attended> rows = new ArrayList<>(jdbc.sql("""
				select s.id, s.organiser, s.held_on, u.name as unit_name, s.topic, s.hours, a.signed_in, a.score,
				       a.replaces_id
				from training_attendee a
				join training_session s on s.id = a.session_id
				left join unit u on u.id = s.unit_id
				where a.person_id = ? and s.held_on between ? and ?""")
			.params(personId, start, end)
			.query((rs, n) -> new Attended(rs.getLong("id"), TrainingSource.valueOf(rs.getString("organiser")),
					rs.getDate("held_on").toLocalDate(), rs.getString("unit_name"), rs.getString("topic"),
					rs.getBigDecimal("hours"), rs.getBoolean("signed_in"), rs.getBigDecimal("score"), null,
					rs.getBoolean("signed_in") && rs.getObject("replaces_id") == null, null, null))
			.list());
		rows.addAll(jdbc.sql("""
				select s.id, s.organiser, s.held_on, u.name as unit_name, s.topic, s.hours, p.name as substitute
				from training_attendee a
				join training_session s on s.id = a.session_id
				left join unit u on u.id = s.unit_id
				join person p on p.id = a.person_id
				where a.replaces_id = ? and s.held_on between ? and ?""")
			.params(personId, start, end)
			.query((rs, n) -> new Attended(rs.getLong("id"), TrainingSource.valueOf(rs.getString("organiser")),
					rs.getDate("held_on").toLocalDate(), rs.getString("unit_name"), rs.getString("topic"),
					rs.getBigDecimal("hours"), false, null, rs.getString("substitute"), false, null, null))
			.list());
		rows.addAll(jdbc.sql("""
				select trained_on, title, hours, organiser, certificate_no
				from external_training
				where person_id = ? and trained_on between ? and ?""")
			.params(personId, start, end)
			.query((rs, n) -> new Attended(null, TrainingSource.EXTERNAL, rs.getDate("trained_on").toLocalDate(),
					null, rs.getString("title"), rs.getBigDecimal("hours"), true, null, null, true,
					rs.getString("organiser"), rs.getString("certificate_no")))
			.list());
		rows.sort(java.util.Comparator.comparing(Attended::heldOn)
			.thenComparing(Attended::source)
			.thenComparing(a -> a.sessionId() == null ? 0L : a.sessionId()));
		return rows;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ------------------------------------------------------------------ changes

	/** a session only from an item of a coordinated plan of a squad the user acts for. */
	@Transactional
	TrainingSession create(long planId, int itemNo, SessionDetails details) {
		TrainingPlan plan = plans.findById(planId).orElseThrow(() -> PlanService.notFound("plan"));
		TrainingScope.requireActorFor(plan.getUnitId(), "plan");
		TrainingSession s = sessions.save(TrainingSession.fromPlan(plan, itemNo, details, LocalDateTime.now(clock)));
		audit.record("TRAINING_SESSION_CREATED", ENTITY, key(s), "R-60 R-61", null, s.describe(text));
		return s;
	}

	/** a session of the bureau or 法制科 for any units; the legal section enters it. */
	@Transactional
	TrainingSession createOpen(TrainingSource organiser, String topic, SessionDetails details) {
		TrainingScope.requireLegalSection();
		TrainingSession s = sessions.save(TrainingSession.forUnits(organiser, topic, details, LocalDateTime.now(clock)));
		audit.record("TRAINING_SESSION_CREATED", ENTITY, key(s), "R-61 R-62 " + organiser, null, s.describe(text));
		return s;
	}

	@Transactional
	TrainingSession reschedule(long id, Integer version, SessionDetails details) {
		TrainingSession s = forSquad(id, version);
		String before = s.describe(text);
		s.reschedule(details);
		sessions.save(s);
		audit.record("TRAINING_SESSION_CHANGED", ENTITY, key(s), "R-61", before, s.describe(text));
		return s;
	}

	@Transactional
	Attendee record(long id, Integer version, AttendeeInput input) {
		TrainingSession s = forSquad(id, version);
		Map<String, Trainee> people = trainees(
				input.replacesNo() == null ? List.of(input.employeeNo()) : List.of(input.employeeNo(), input.replacesNo()));
		Trainee person = known(people, input.employeeNo());
		Trainee replaced = input.replacesNo() == null ? null : known(people, input.replacesNo());
		String before = s.attendee(person.id()).map(a -> describe(a, person, replaced)).orElse(null);
		Attendee a = s.record(person, input.signedIn(), input.score(), replaced);
		sessions.save(s);
		audit.record("TRAINING_ATTENDEE_RECORDED", ENTITY, key(s), a.isSubstitution() ? "R-61 " + text.message("training.audit.substitution") : "R-61", before,
				describe(a, person, replaced));
		return a;
	}

	@Transactional
	void removeAttendee(long id, Integer version, long personId) {
		TrainingSession s = forSquad(id, version);
		Attendee a = s.remove(personId)
			.orElseThrow(() -> Refusal.of("training.notFound.attendee").withStatus(HttpStatus.NOT_FOUND));
		sessions.save(s);
		audit.record("TRAINING_ATTENDEE_REMOVED", ENTITY, key(s), "R-61",
				text.message("training.audit.removedAttendee", a.personId(), a.signedIn(), a.score(), a.replacesId()), null);
	}

	/**
	 * Imports attendance and scores from .xlsx, all or nothing: every row is checked (format, people, the session's
	 * rules) and any error rejects the whole file with every error found. Rows update attendees by 工号 or add them;
	 * attendees not in the file stay. Rows without a substitution are applied first, so a substitution row is judged
	 * against the final sign-ins.
	 * @return the rows imported, or the problems found (then nothing is saved)
	 */
	@Transactional
	Imported importSheet(long id, Integer version, InputStream in) {
		TrainingSession s = forSquad(id, version);
		AttendanceSheet.Parsed parsed = AttendanceSheet.read(in);
		List<AttendanceSheet.Problem> errors = new ArrayList<>(parsed.errors());
		List<String> nos = new ArrayList<>();
		parsed.lines().forEach(l -> {
			nos.add(l.employeeNo());
			if (l.replacesNo() != null) {
				nos.add(l.replacesNo());
			}
		});
		Map<String, Trainee> people = trainees(nos);
		List<AttendanceSheet.Line> ordered = new ArrayList<>();
		parsed.lines().stream().filter(l -> l.replacesNo() == null).forEach(ordered::add);
		parsed.lines().stream().filter(l -> l.replacesNo() != null).forEach(ordered::add);
		for (AttendanceSheet.Line l : ordered) {
			Trainee person = people.get(l.employeeNo());
			Trainee replaced = l.replacesNo() == null ? null : people.get(l.replacesNo());
			boolean ok = true;
			if (person == null) {
				errors.add(AttendanceSheet.at(l.row(), AttendanceSheet.EMPLOYEE_NO, "training.refused.unknownPerson", l.employeeNo()));
				ok = false;
			}
			else if (l.name() != null && !l.name().equals(person.name())) {
				errors.add(AttendanceSheet.at(l.row(), AttendanceSheet.NAME, "training.import.otherName", l.employeeNo(),
						person.name(), l.name()));
				ok = false;
			}
			if (l.replacesNo() != null && replaced == null) {
				errors.add(AttendanceSheet.at(l.row(), AttendanceSheet.REPLACES, "training.refused.unknownPerson", l.replacesNo()));
				ok = false;
			}
			if (ok) {
				try {
					s.record(person, l.signedIn(), l.score(), replaced);
				}
				catch (Refusal e) {
					errors.add(new AttendanceSheet.Problem(l.row(), null, e));
				}
			}
		}
		errors.sort(java.util.Comparator.comparingInt(AttendanceSheet.Problem::row));
		if (!errors.isEmpty()) {
			return new Imported(0, shown(errors.stream().map(e -> e.text(text)).toList()));
		}
		sessions.save(s);
		long substitutions = ordered.stream().filter(l -> l.replacesNo() != null).count();
		audit.record("TRAINING_ATTENDANCE_IMPORTED", ENTITY, key(s), "R-61",
				null, text.message("training.audit.imported", ordered.size(), substitutions));
		return new Imported(ordered.size(), List.of());
	}

	/** People by 工号, in one query. */
	Map<String, Trainee> trainees(Collection<String> employeeNos) {
		Map<String, Trainee> byNo = new HashMap<>();
		List<String> nos = employeeNos.stream().filter(Objects::nonNull).distinct().toList();
		if (nos.isEmpty()) {
			return byNo;
		}
		jdbc.sql("""
				select id, employee_no, name, category from person
				where bureau_id = cq_bureau() and employee_no in (:nos)""")
			.param("nos", nos)
			.query((rs, n) -> byNo.put(rs.getString(2),
					new Trainee(rs.getLong(1), rs.getString(2), rs.getString(3), "FORMAL".equals(rs.getString(4)))))
			.list();
		return byNo;
	}

	private static Trainee known(Map<String, Trainee> people, String employeeNo) {
		Trainee t = people.get(employeeNo);
		if (t == null) {
			throw Refusal.of("training.refused.unknownPerson", employeeNo);
		}
		return t;
	}

	private TrainingSession forSquad(long id, Integer version) {
		TrainingSession s = get(id);
		TrainingScope.requireActorFor(s.getUnitId(), "session");
		if (!Objects.equals(version, s.getVersion())) {
			throw new OptimisticLockingFailureException(
					"training_session " + id + " is at version " + s.getVersion() + ", form had " + version);
		}
		return s;
	}

	private String key(TrainingSession s) {
		return s.getId() + " " + s.getHeldOn() + " " + s.getTopic();
	}

	private String describe(Attendee a, Trainee person, Trainee replaced) {
		return text.message("training.audit.attendee", person.label(),
				text.message(a.signedIn() ? "training.audit.yes" : "training.audit.no"),
				a.score() == null ? text.message("training.audit.noScore") : a.score())
				+ (replaced == null ? "" : text.message("training.audit.replaces", replaced.label()));
	}

	private List<String> shown(List<String> errors) {
		if (errors.size() <= MAX_ERRORS_SHOWN) {
			return errors;
		}
		List<String> first = new ArrayList<>(errors.subList(0, MAX_ERRORS_SHOWN));
		first.add(text.message("training.import.moreErrors", errors.size() - MAX_ERRORS_SHOWN));
		return first;
	}

	private static LocalDate date(Date d) {
		return d == null ? null : d.toLocalDate();
	}

}
