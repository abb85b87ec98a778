package cn.wucheng.cq.training;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.training.internal.TrainingActions;

/**
 * The training workflow for another module acting as a user (the demo bureau's 法制员 and 法制科): the same service
 * methods the pages call, with the signed-in user's checks and the audit they write. Each call acts on the record's
 * current version (no form was shown).
 */
@Component
public class TrainingWork {

	private final TrainingActions actions;

	TrainingWork(TrainingActions actions) {
		this.actions = actions;
	}

	/** a 直属中队's yearly plan, created by the squad. Returns its id. */
	public long createPlan(long unitId, int year) {
		return actions.createPlan(unitId, year);
	}

	/** one item of the plan (topic, month, hours, trainer, trainees, assessment). */
	public void addPlanItem(long planId, String topic, String content, int month, BigDecimal hours, String trainer,
			String trainees, String assessment) {
		actions.addPlanItem(planId, topic, content, month, hours, trainer, trainees, assessment);
	}

	/** the squad submits the plan to 法制科. */
	public void submitPlan(long planId) {
		actions.submitPlan(planId);
	}

	/** 法制科 coordinates (统筹) a submitted plan. */
	public void coordinatePlan(long planId) {
		actions.coordinatePlan(planId);
	}

	/** a session of item {@code itemNo} of a coordinated plan. Returns its id. */
	public long sessionFromPlan(long planId, int itemNo, LocalDate heldOn, String place, BigDecimal hours,
			LocalDate bankReleasedOn) {
		return actions.sessionFromPlan(planId, itemNo, heldOn, place, hours, bankReleasedOn);
	}

	/** a session of the bureau or 法制科 for any units, entered by 法制科. Returns its id. */
	public long openSession(TrainingSource organiser, String topic, LocalDate heldOn, String place, BigDecimal hours,
			LocalDate bankReleasedOn) {
		return actions.openSession(organiser, topic, heldOn, place, hours, bankReleasedOn);
	}

	/** one attendee of a session (signed in or absent, the exam score when taken). */
	public void attend(long sessionId, String employeeNo, boolean signedIn, BigDecimal score) {
		actions.attend(sessionId, employeeNo, signedIn, score);
	}

}
