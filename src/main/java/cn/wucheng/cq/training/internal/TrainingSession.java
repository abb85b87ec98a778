package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

import cn.wucheng.cq.training.PlanStatus;
import cn.wucheng.cq.training.SessionFlag;
import cn.wucheng.cq.training.TrainingSource;

/**
 * A training session (培训场次, R-61), held from an item of a squad's coordinated plan or organised by the
 * bureau or 法制科 for several units (R-62: those count too; they have no plan, item or squad), with its attendees. Recording
 * attendance refuses what cannot be: a score without sign-in, a score outside 0–100, a formal officer both present
 * and replaced. An auxiliary attending in place of a formal officer is recorded as such — and flagged, since the
 * programme forbids it (不得出现辅助人员代替正式队员参会) — so the officer never gets the hours.
 */
@Table("training_session")
public class TrainingSession {

	private static final BigDecimal MAX_SCORE = new BigDecimal("100");

	@Id
	private Long id;

	private TrainingSource organiser;

	private Long planId;

	private Integer itemNo;

	private int planYear;

	private Long unitId;

	private String topic;

	private LocalDate heldOn;

	private String place;

	private BigDecimal hours;

	private LocalDate bankReleasedOn;

	private LocalDateTime createdAt;

	@MappedCollection(idColumn = "session_id")
	private Set<Attendee> attendees = new HashSet<>();

	@Version
	private Integer version;

	protected TrainingSession() {
	}

	/**
	 * a session may only be held from a coordinated plan, within the plan's year.
	 * @throws Refusal when the plan is not coordinated, has no such item, or the date is outside its year
	 */
	static TrainingSession fromPlan(TrainingPlan plan, int itemNo, SessionDetails details, LocalDateTime now) {
		if (plan.getStatus() != PlanStatus.COORDINATED) {
			throw Refusal.of("training.refused.notCoordinated", TrainingPlan.label(plan.getStatus()));
		}
		PlanItem item = plan.item(itemNo)
			.orElseThrow(() -> TrainingPlan.noItem(itemNo));
		TrainingSession s = new TrainingSession();
		s.organiser = TrainingSource.SQUAD;
		s.planId = plan.getId();
		s.itemNo = item.itemNo();
		s.planYear = plan.getPlanYear();
		s.unitId = plan.getUnitId();
		s.topic = item.topic();
		s.createdAt = now;
		s.reschedule(details);
		return s;
	}

	/**
	 * a session the bureau (全局培训) or 法制科 (法制科培训) holds for any units, 机关 officers included. It belongs to
	 * no squad's plan, so R-60's coordination does not apply; its year is the year it is held in. The form checks the
	 * topic and organiser for the user; here they are preconditions.
	 */
	static TrainingSession forUnits(TrainingSource organiser, String topic, SessionDetails details, LocalDateTime now) {
		if (organiser == null || !organiser.organisesOpenSessions()) {
			throw new IllegalArgumentException("not an organiser of bureau sessions: " + organiser);
		}
		String t = topic == null ? "" : topic.strip();
		if (t.isEmpty() || t.length() > 100) {
			throw new IllegalArgumentException("topic must have 1 to 100 characters");
		}
		TrainingSession s = new TrainingSession();
		s.organiser = organiser;
		s.planYear = details.heldOn().getYear();
		s.topic = t;
		s.createdAt = now;
		s.reschedule(details);
		return s;
	}

	/** Whether the session is the bureau's or 法制科's (no squad, no plan). */
	public boolean isOpen() {
		return organiser != TrainingSource.SQUAD;
	}

	void reschedule(SessionDetails d) {
		if (d.heldOn().getYear() != planYear) {
			throw Refusal.of("training.refused.heldOnOutsideYear", d.heldOn(), planYear);
		}
		heldOn = d.heldOn();
		place = d.place();
		hours = d.hours();
		bankReleasedOn = d.bankReleasedOn();
	}

	/**
	 * Records (or changes) one person's attendance.
	 * @param replaced the formal officer an auxiliary attended in place of, or null
	 * @throws Refusal when the record contradicts the rules or the other attendees
	 */
	Attendee record(Trainee person, boolean signedIn, BigDecimal score, Trainee replaced) {
		if (score != null) {
			if (score.signum() < 0 || score.compareTo(MAX_SCORE) > 0 || score.stripTrailingZeros().scale() > 2) {
				throw Refusal.of("training.refused.score", person.label(), score);
			}
			if (!signedIn) {
				throw Refusal.of("training.refused.scoreWithoutSignIn", person.label());
			}
		}
		if (replaced != null) {
			if (person.formal()) {
				throw Refusal.of("training.refused.formalReplaces", person.label());
			}
			if (!replaced.formal()) {
				throw Refusal.of("training.refused.replacedNotFormal", replaced.label());
			}
			if (!signedIn) {
				throw Refusal.of("training.refused.substituteNotSignedIn", person.label());
			}
			if (attendee(replaced.id()).filter(Attendee::signedIn).isPresent()) {
				throw Refusal.of("training.refused.replacedSignedIn", replaced.label(), person.label());
			}
			if (attendees.stream()
				.anyMatch(a -> Long.valueOf(replaced.id()).equals(a.replacesId()) && a.personId() != person.id())) {
				throw Refusal.of("training.refused.alreadyReplaced", replaced.label());
			}
		}
		if (signedIn && attendees.stream().anyMatch(a -> a.replacesId() != null && a.replacesId() == person.id())) {
			throw Refusal.of("training.refused.signInWhileReplaced", person.label());
		}
		attendees.removeIf(a -> a.personId() == person.id());
		Attendee a = new Attendee(person.id(), signedIn, score == null ? null : score.stripTrailingZeros(),
				replaced == null ? null : replaced.id());
		attendees.add(a);
		return a;
	}

	Optional<Attendee> remove(long personId) {
		Optional<Attendee> a = attendee(personId);
		a.ifPresent(attendees::remove);
		return a;
	}

	/** R-61's flags on {@code today}. */
	public Set<SessionFlag> flags(LocalDate today) {
		long substitutions = attendees.stream().filter(Attendee::isSubstitution).count();
		long noScore = attendees.stream().filter(a -> a.signedIn() && a.score() == null).count();
		return SessionFlag.of(heldOn, bankReleasedOn, substitutions, noScore, today);
	}

	/** For the audit log. */
	String describe(Refusals text) {
		return text.message("training.audit.session", topic, heldOn, place, hours,
				bankReleasedOn == null ? text.message("training.audit.session.noBank") : bankReleasedOn);
	}

	public Optional<Attendee> attendee(long personId) {
		return attendees.stream().filter(a -> a.personId() == personId).findFirst();
	}

	public List<Attendee> getAttendees() {
		return attendees.stream().sorted(Comparator.comparing(Attendee::personId)).toList();
	}

	public Long getId() {
		return id;
	}

	public Long getPlanId() {
		return planId;
	}

	public TrainingSource getOrganiser() {
		return organiser;
	}

	public Integer getItemNo() {
		return itemNo;
	}

	public int getPlanYear() {
		return planYear;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getTopic() {
		return topic;
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public String getPlace() {
		return place;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public LocalDate getBankReleasedOn() {
		return bankReleasedOn;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public Integer getVersion() {
		return version;
	}

}
