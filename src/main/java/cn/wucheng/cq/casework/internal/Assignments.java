package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.cases.CaseFileRepository;
import cn.wucheng.cq.cases.HandlerCandidate;
import cn.wucheng.cq.cases.Reassignment;
import cn.wucheng.cq.casework.CaseAssigned;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * 中队长指派制: registration of a case with its two handlers, re-assignment with a reason (kept in
 * {@code case_assignment}), the auxiliary staff present at a 路面查处 discovery, and the deputy squad leader as reviewer
 * when the squad leader handles a case himself. The rules are {@link CaseFile}'s methods; this service loads people,
 * checks scope and the version the user saw, saves, records the history and audits.
 */
@Service
class Assignments {

	static final String ENTITY = "case_file";

	/** A person to choose in a form. */
	record PersonOption(long id, String employeeNo, String name, String post) {
	}

	/** whether the case needs the deputy as reviewer, and who that is (null: the squad has no deputy). */
	record Reviewer(boolean needed, Long personId, String name) {

		public boolean missing() {
			return needed && personId == null;
		}

	}

	/** One row of the assignment history. */
	record HistoryRow(LocalDateTime assignedAt, String assignedBy, String leadName, String coName,
			String previousLeadName, String previousCoName, String reason, boolean reviewerNeeded,
			String reviewerName) {

		public boolean first() {
			return previousLeadName == null && previousCoName == null;
		}

	}

	/** A case as the casework page shows it. */
	record CaseView(long id, String caseNo, String decisionNo, String title, CaseCategory category, String domainName,
			long unitId, String unitName, String source, LocalDate filedOn, LocalDate concludedOn, String videoNo,
			Handler lead, Handler co, int version) {

		public boolean simple() {
			return category == CaseCategory.SIMPLE;
		}

		public boolean roadside() {
			return CaseFile.ROADSIDE.equals(source);
		}

		/** the case day of a simple case is its decision (conclusion) day; filing day as fallback. */
		public LocalDate caseDay() {
			return concludedOn != null ? concludedOn : filedOn;
		}

	}

	record Handler(long id, String employeeNo, String name, boolean auxiliary, long unitId, String post) {
	}

	private final CaseFileRepository cases;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Assignments(CaseFileRepository cases, JdbcClient jdbc, AuditLog audit, Refusals text, Clock clock,
			ApplicationEventPublisher events) {
		this.text = text;
		this.events = events;
		this.cases = cases;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	/** A case the user may see, else 404. */
	CaseView view(long caseId) {
		CaseView v = jdbc.sql("""
				select c.id, c.case_no, c.decision_no, c.title, c.category, d.name as domain_name, c.unit_id,
				       u.name as unit_name, c.source, c.filed_on, c.concluded_on, c.video_no, c.version,
				       l.id as l_id, l.employee_no as l_no, l.name as l_name, l.category as l_cat, l.unit_id as l_unit,
				       l.post as l_post,
				       o.id as o_id, o.employee_no as o_no, o.name as o_name, o.category as o_cat, o.unit_id as o_unit,
				       o.post as o_post
				from case_file c
				join domain d on d.id = c.domain_id
				join unit u on u.id = c.unit_id
				join person l on l.id = c.lead_id
				join person o on o.id = c.co_id
				where c.id = ?""")
			.param(caseId)
			.query((rs, n) -> new CaseView(rs.getLong("id"), rs.getString("case_no"), rs.getString("decision_no"),
					rs.getString("title"), CaseCategory.valueOf(rs.getString("category")), rs.getString("domain_name"),
					rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("source"),
					rs.getObject("filed_on", LocalDate.class), rs.getObject("concluded_on", LocalDate.class),
					rs.getString("video_no"),
					new Handler(rs.getLong("l_id"), rs.getString("l_no"), rs.getString("l_name"),
							"AUXILIARY".equals(rs.getString("l_cat")), rs.getLong("l_unit"), rs.getString("l_post")),
					new Handler(rs.getLong("o_id"), rs.getString("o_no"), rs.getString("o_name"),
							"AUXILIARY".equals(rs.getString("o_cat")), rs.getLong("o_unit"), rs.getString("o_post")),
					rs.getInt("version")))
			.optional()
			.orElseThrow(() -> CaseworkScope.notFound("case"));
		CaseworkScope.requireVisible(v.unitId(), "case");
		return v;
	}

	String unitName(long unitId) {
		return jdbc.sql("select name from unit where id = ?")
			.param(unitId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> CaseworkScope.notFound("squad"));
	}

	/** the form offers only the squad's formal officers (正式执法人员). */
	List<PersonOption> formalOfficers(long unitId) {
		return people(unitId, "FORMAL");
	}

	/** auxiliary staff of the squad, who may be recorded as present at a 路面查处 discovery. */
	List<PersonOption> auxiliaries(long unitId) {
		return people(unitId, "AUXILIARY");
	}

	private List<PersonOption> people(long unitId, String category) {
		return jdbc.sql("select id, employee_no, name, post from person where unit_id = ? and category = ? "
				+ "order by employee_no")
			.params(unitId, category)
			.query((rs, n) -> new PersonOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	List<PersonOption> discoveryStaff(long caseId) {
		return jdbc.sql("""
				select p.id, p.employee_no, p.name, p.post from case_discovery_staff s join person p on p.id = s.person_id
				where s.case_id = ? order by p.employee_no""")
			.param(caseId)
			.query((rs, n) -> new PersonOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	List<HistoryRow> history(long caseId) {
		return jdbc.sql("""
				select a.assigned_at, a.assigned_by, l.name as l_name, o.name as o_name, pl.name as pl_name,
				       po.name as po_name, a.reason, a.reviewer_needed, r.name as r_name
				from case_assignment a
				join person l on l.id = a.lead_id
				join person o on o.id = a.co_id
				left join person pl on pl.id = a.previous_lead_id
				left join person po on po.id = a.previous_co_id
				left join person r on r.id = a.reviewer_id
				where a.case_id = ? order by a.id desc""")
			.param(caseId)
			.query((rs, n) -> new HistoryRow(rs.getObject("assigned_at", LocalDateTime.class),
					rs.getString("assigned_by"), rs.getString("l_name"), rs.getString("o_name"),
					rs.getString("pl_name"), rs.getString("po_name"), rs.getString("reason"),
					rs.getBoolean("reviewer_needed"), rs.getString("r_name")))
			.list();
	}

	/**
	 * R-12 as stored with the latest assignment; for a case never assigned here (imported), as it follows from the
	 * current handlers and staff.
	 */
	Reviewer reviewer(CaseView c) {
		return jdbc.sql("""
				select a.reviewer_needed, a.reviewer_id, r.name from case_assignment a
				left join person r on r.id = a.reviewer_id
				where a.case_id = ? order by a.id desc fetch first 1 rows only""")
			.param(c.id())
			.query((rs, n) -> {
				long id = rs.getLong(2);
				return new Reviewer(rs.getBoolean(1), rs.wasNull() ? null : id, rs.getString(3));
			})
			.optional()
			.orElseGet(() -> reviewerFor(c.unitId(), c.lead().id(), c.co().id()));
	}

	boolean assignedHere(long caseId) {
		return jdbc.sql("select count(*) from case_assignment where case_id = ?").param(caseId).query(Long.class)
			.single() > 0;
	}

	/**
	 * when the squad's leader (post 中队长 of the case's squad) is one of the handlers, the squad's deputy
	 * (post 副中队长, a formal officer who is not himself a handler; the first by 工号) reviews the case.
	 */
	Reviewer reviewerFor(long unitId, long leadId, long coId) {
		boolean leaderHandles = jdbc.sql("""
				select count(*) from person where id in (?, ?) and unit_id = ? and post = 'SQUAD_LEADER'""")
			.params(leadId, coId, unitId)
			.query(Long.class)
			.single() > 0;
		if (!leaderHandles) {
			return new Reviewer(false, null, null);
		}
		return jdbc.sql("""
				select id, name from person
				where unit_id = ? and post = 'DEPUTY_SQUAD_LEADER' and category = 'FORMAL' and id not in (?, ?)
				order by employee_no fetch first 1 rows only""")
			.params(unitId, leadId, coId)
			.query((rs, n) -> new Reviewer(true, rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(new Reviewer(true, null, null));
	}

	// ------------------------------------------------------------------ changes

	/** What the registration form carries, checked by the controller for presence and format. */
	record Registration(String caseNo, CaseCategory category, long domainId, String source, LocalDate filedOn,
			LocalDate concludedOn, String decisionNo, String title, String videoNo, Long leadId, Long coId,
			List<Long> discoveryStaff) {
	}

	/**
	 * Registers a case of the squad leader's own squad with its two handlers. A simple case without 办结日期
	 * concludes on its decision day.
	 * @throws Refusal for the handler fields, the case number or the discovery staff
	 */
	@Transactional
	CaseFile register(long unitId, Registration r) {
		CurrentUser user = CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		if (cases.findByCaseNo(r.caseNo().strip()).isPresent()) {
			throw Refusal.onField("caseNo", "casework.refused.caseNoTaken", r.caseNo().strip());
		}
		CaseFile c = new CaseFile(r.caseNo().strip(), r.category(), r.domainId(), unitId, r.filedOn());
		c.describe(r.decisionNo(), r.title(), r.source(), r.videoNo());
		LocalDate concluded = r.concludedOn() == null && r.category() == CaseCategory.SIMPLE ? r.filedOn()
				: r.concludedOn();
		try {
			c.conclude(concluded);
		}
		catch (Refusal e) {
			throw Refusal.onField("concludedOn", "casework.refused.concludedOn", text.text(e));
		}
		Map<Long, HandlerCandidate> people = candidates(r.leadId(), r.coId());
		c.assignHandlers(candidate(people, r.leadId(), "leadId", "lead"),
				candidate(people, r.coId(), "coId", "co"));
		checkDiscoveryStaff(c, r.discoveryStaff());
		CaseFile saved = cases.save(c);
		Reviewer reviewer = reviewerFor(unitId, saved.getLeadId(), saved.getCoId());
		history(saved.getId(), null, saved.getLeadId(), saved.getCoId(), reviewer, null, user);
		Set<Long> staff = replaceDiscoveryStaff(saved.getId(), r.discoveryStaff());
		audit.record("CASE_REGISTERED", ENTITY, saved.getCaseNo(), "R-11",
				null, describe(saved, reviewer, staff));
		// the handlers hear of it in the message centre (in this transaction: a message iff the case was saved)
		events.publishEvent(new CaseAssigned(saved.getId(), saved.getCaseNo(), unitId, saved.getLeadId(),
				saved.getCoId(), null, null));
		return saved;
	}

	/** What the assignment form carries. */
	record Change(Long leadId, Long coId, String reason, List<Long> discoveryStaff, Integer version) {
	}

	/**
	 * Re-assigns the handlers of an existing or imported case of the squad leader's squad with a reason, or
	 * only changes the auxiliary staff present at a 路面查处 discovery (handlers unchanged, no reason needed).
	 * @throws Refusal naming the field; OptimisticLockingFailureException when the case changed meanwhile
	 */
	@Transactional
	CaseFile reassign(long caseId, Change ch) {
		CaseFile c = cases.findById(caseId).orElseThrow(() -> CaseworkScope.notFound("case"));
		CurrentUser user = CaseworkScope.requireOwn(c.getUnitId(), Role.SQUAD_LEADER, "case");
		if (!Objects.equals(ch.version(), c.getVersion())) {
			throw new OptimisticLockingFailureException(
					"case_file " + caseId + " is at version " + c.getVersion() + ", form had " + ch.version());
		}
		Set<Long> staffBefore = discoveryStaff(caseId).stream().map(PersonOption::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<Long> staffAfter = new LinkedHashSet<>(ch.discoveryStaff() == null ? List.of() : ch.discoveryStaff());
		boolean handlersSame = Objects.equals(ch.leadId(), c.getLeadId()) && Objects.equals(ch.coId(), c.getCoId());
		Reviewer before = reviewer(view(caseId));
		String beforeText = describe(c, before, staffBefore);
		if (handlersSame && !staffBefore.equals(staffAfter)) {
			checkDiscoveryStaff(c, ch.discoveryStaff());
			replaceDiscoveryStaff(caseId, ch.discoveryStaff());
			audit.record("CASE_DISCOVERY_STAFF_CHANGED", ENTITY, c.getCaseNo(), "R-11", beforeText,
					describe(c, before, staffAfter));
			return c;
		}
		Map<Long, HandlerCandidate> people = candidates(ch.leadId(), ch.coId());
		Reassignment change = c.reassign(candidate(people, ch.leadId(), "leadId", "lead"),
				candidate(people, ch.coId(), "coId", "co"), ch.reason());
		checkDiscoveryStaff(c, ch.discoveryStaff());
		CaseFile saved = cases.save(c);
		Reviewer reviewer = reviewerFor(saved.getUnitId(), saved.getLeadId(), saved.getCoId());
		history(caseId, change, saved.getLeadId(), saved.getCoId(), reviewer, change.reason(), user);
		Set<Long> staff = replaceDiscoveryStaff(caseId, ch.discoveryStaff());
		audit.record("CASE_REASSIGNED", ENTITY, saved.getCaseNo(), "R-11 " + change.reason(), beforeText,
				describe(saved, reviewer, staff));
		events.publishEvent(new CaseAssigned(caseId, saved.getCaseNo(), saved.getUnitId(), saved.getLeadId(),
				saved.getCoId(), change.previousLeadId(), change.previousCoId()));
		return saved;
	}

	/**
	 * 中队长指派制 for a case that arrived without the squad leader's assignment (imported or pushed by the
	 * platform, with the platform's handlers): the squad leader assigns its two handlers for the first time — the
	 * same rules as registration ({@link CaseFile#assignHandlers}: two different formal officers of the squad), no
	 * reason needed since nothing the squad decided is changed. Kept in the assignment history (with the platform's
	 * handlers as the previous ones when they change) and audited. A case already assigned here is re-assigned on
	 * its page, with a reason.
	 * @throws Refusal naming the field, or when already assigned; OptimisticLockingFailureException
	 *         when the case changed since the page was shown
	 */
	@Transactional
	CaseFile assignNew(long caseId, Long leadId, Long coId, Integer version) {
		CaseFile c = cases.findById(caseId).orElseThrow(() -> CaseworkScope.notFound("case"));
		CurrentUser user = CaseworkScope.requireOwn(c.getUnitId(), Role.SQUAD_LEADER, "case");
		if (!Objects.equals(version, c.getVersion())) {
			throw new OptimisticLockingFailureException(
					"case_file " + caseId + " is at version " + c.getVersion() + ", form had " + version);
		}
		if (assignedHere(caseId)) {
			throw Refusal.of("casework.assignNew.already", c.getCaseNo());
		}
		Long previousLead = c.getLeadId();
		Long previousCo = c.getCoId();
		Set<Long> staff = discoveryStaff(caseId).stream().map(PersonOption::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		String before = describe(c, reviewerFor(c.getUnitId(), previousLead, previousCo), staff);
		Map<Long, HandlerCandidate> people = candidates(leadId, coId);
		c.assignHandlers(candidate(people, leadId, "leadId", "lead"),
				candidate(people, coId, "coId", "co"));
		CaseFile saved = cases.save(c);
		boolean changed = !saved.getLeadId().equals(previousLead) || !saved.getCoId().equals(previousCo);
		Reviewer reviewer = reviewerFor(saved.getUnitId(), saved.getLeadId(), saved.getCoId());
		history(caseId, changed ? new Reassignment(previousLead, previousCo, saved.getLeadId(), saved.getCoId(), null)
				: null, saved.getLeadId(), saved.getCoId(), reviewer, null, user);
		audit.record("CASE_ASSIGNED", ENTITY, saved.getCaseNo(),
				"R-11 " + text.message("casework.audit.assignedBySquadLeader"), before,
				describe(saved, reviewer, staff));
		// the squad leader's first assignment is news to both handlers, even when the platform already named them
		events.publishEvent(new CaseAssigned(caseId, saved.getCaseNo(), saved.getUnitId(), saved.getLeadId(),
				saved.getCoId(), null, null));
		return saved;
	}

	private Map<Long, HandlerCandidate> candidates(Long... ids) {
		List<Long> wanted = new ArrayList<>();
		for (Long id : ids) {
			if (id != null) {
				wanted.add(id);
			}
		}
		if (wanted.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, name, unit_id, category from person where id in (:ids)")
			.param("ids", wanted)
			.query((rs, n) -> new HandlerCandidate(rs.getLong(1), rs.getString(2), rs.getLong(3),
					"FORMAL".equals(rs.getString(4))))
			.list()
			.stream()
			.collect(Collectors.toMap(HandlerCandidate::personId, Function.identity()));
	}

	private static HandlerCandidate candidate(Map<Long, HandlerCandidate> people, Long id, String field,
			String label) {
		if (id == null) {
			return null;
		}
		HandlerCandidate h = people.get(id);
		if (h == null) {
			throw Refusal.onField(field, "casework.refused.personMissing", Refusal.label("casework.handler." + label));
		}
		return h;
	}

	/** only on a 路面查处 case, only auxiliary staff of the squad, never a handler. */
	private void checkDiscoveryStaff(CaseFile c, List<Long> staff) {
		if (staff == null || staff.isEmpty()) {
			return;
		}
		if (!c.isRoadside()) {
			throw Refusal.onField("discoveryStaff", "casework.refused.staffNotRoadside");
		}
		List<PersonOption> allowed = auxiliaries(c.getUnitId());
		Set<Long> allowedIds = allowed.stream().map(PersonOption::id).collect(Collectors.toSet());
		for (Long id : staff) {
			if (!allowedIds.contains(id)) {
				throw Refusal.onField("discoveryStaff", "casework.refused.staffOtherSquad");
			}
		}
	}

	private Set<Long> replaceDiscoveryStaff(long caseId, List<Long> staff) {
		jdbc.sql("delete from case_discovery_staff where case_id = ?").param(caseId).update();
		Set<Long> ids = new LinkedHashSet<>(staff == null ? List.of() : staff);
		for (Long id : ids) {
			jdbc.sql("insert into case_discovery_staff (case_id, person_id) values (?, ?)").params(caseId, id).update();
		}
		return ids;
	}

	private void history(long caseId, Reassignment change, long leadId, long coId, Reviewer reviewer, String reason,
			CurrentUser user) {
		jdbc.sql("""
				insert into case_assignment (case_id, lead_id, co_id, previous_lead_id, previous_co_id, reviewer_id,
				  reviewer_needed, reason, assigned_by, assigned_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, leadId, coId, change == null ? null : change.previousLeadId(),
					change == null ? null : change.previousCoId(), reviewer.personId(), reviewer.needed(), reason,
					user.username(), LocalDateTime.now(clock))
			.update();
	}

	/** For the audit log, in the user's words (messages-casework.properties, casework.audit.case*). */
	private String describe(CaseFile c, Reviewer reviewer, Set<Long> staff) {
		return text.message("casework.audit.case", c.getCategory().label(), c.getLeadId(), c.getCoId())
				+ (reviewer.needed() ? text.message("casework.audit.case.reviewer", reviewer.personId() == null
						? text.message("casework.audit.case.noDeputy") : reviewer.name()) : "")
				+ (staff.isEmpty() ? "" : text.message("casework.audit.case.staff", staff));
	}

	/** The squad leader's own squad, or 403 for another role. */
	static void requireSquadLeader() {
		if (CurrentUser.get().role() != Role.SQUAD_LEADER) {
			throw new AccessDeniedException("only a squad leader");
		}
	}

	Optional<Long> caseUnit(long caseId) {
		return jdbc.sql("select unit_id from case_file where id = ?").param(caseId).query(Long.class).optional();
	}

}
