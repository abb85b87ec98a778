package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.training.TrainingSource;

/** Behind {@link cn.wucheng.cq.training.TrainingWork}: the plan and session services at the record's current version. */
@Component
public class TrainingActions {

	private final PlanService plans;

	private final SessionService sessions;

	TrainingActions(PlanService plans, SessionService sessions) {
		this.plans = plans;
		this.sessions = sessions;
	}

	public long createPlan(long unitId, int year) {
		return plans.create(unitId, year).getId();
	}

	public void addPlanItem(long planId, String topic, String content, int month, BigDecimal hours, String trainer,
			String trainees, String assessment) {
		plans.addItem(planId, plans.get(planId).getVersion(),
				new ItemDraft(topic, content, month, hours, trainer, trainees, assessment));
	}

	public void submitPlan(long planId) {
		plans.submit(planId, plans.get(planId).getVersion());
	}

	public void coordinatePlan(long planId) {
		plans.coordinate(planId, plans.get(planId).getVersion());
	}

	public long sessionFromPlan(long planId, int itemNo, LocalDate heldOn, String place, BigDecimal hours,
			LocalDate bankReleasedOn) {
		return sessions.create(planId, itemNo, new SessionDetails(heldOn, place, hours, bankReleasedOn)).getId();
	}

	public long openSession(TrainingSource organiser, String topic, LocalDate heldOn, String place, BigDecimal hours,
			LocalDate bankReleasedOn) {
		return sessions.createOpen(organiser, topic, new SessionDetails(heldOn, place, hours, bankReleasedOn)).getId();
	}

	public void attend(long sessionId, String employeeNo, boolean signedIn, BigDecimal score) {
		sessions.record(sessionId, sessions.get(sessionId).getVersion(),
				new SessionService.AttendeeInput(employeeNo, signedIn, score, null));
	}

}
