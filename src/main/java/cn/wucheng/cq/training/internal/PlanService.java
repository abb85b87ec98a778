package cn.wucheng.cq.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.TrainingPlanReturned;

/**
 * The annual training plans: created and written by a directly-affiliated squad (or the legal section for it),
 * submitted, coordinated or sent back by the legal section. The rules are the plan's own methods; this service loads,
 * checks the scope and the version the user saw, saves and audits.
 */
@Service
class PlanService {

	static final String ENTITY = "training_plan";

	/** A unit to choose in the "new plan" form. */
	record UnitOption(long id, String name) {
	}

	private final TrainingPlanRepository plans;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** The audit details' words. */
	private final Refusals text;

	PlanService(TrainingPlanRepository plans, JdbcClient jdbc, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, Refusals text) {
		this.text = text;
		this.events = events;
		this.plans = plans;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A plan the user may see, else 404. */
	TrainingPlan get(long id) {
		TrainingPlan plan = plans.findById(id).orElseThrow(() -> notFound("plan"));
		TrainingScope.requireVisible(plan.getUnitId(), "plan");
		return plan;
	}

	String unitName(long unitId) {
		return jdbc.sql("select name from unit where id = ?").param(unitId).query(String.class).single();
	}

	/** Directly-affiliated squads the user may act for that have no plan for the year yet. */
	List<UnitOption> squadsWithoutPlan(int year, CurrentUser user) {
		return jdbc.sql("""
				select u.id, u.name from unit u
				where u.type = 'DIRECT_SQUAD' and (:unit = 0 or u.id = :unit)
				  and not exists (select 1 from training_plan p where p.unit_id = u.id and p.plan_year = :year)
				order by u.name""")
			.param("unit", user.unitFilter().orElse(0L))
			.param("year", year)
			.query((rs, n) -> new UnitOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Transactional
	TrainingPlan create(long unitId, int year) {
		TrainingScope.requireActorFor(unitId, "unit");
		String type = jdbc.sql("select type from unit where id = ?")
			.param(unitId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> notFound("unit"));
		if (!"DIRECT_SQUAD".equals(type)) {
			throw Refusal.of("training.refused.notDirectSquad", unitName(unitId));
		}
		if (year < 2000 || year > 2100) {
			throw Refusal.of("training.refused.planYear", year);
		}
		if (plans.findByUnitIdAndPlanYear(unitId, year).isPresent()) {
			throw Refusal.of("training.refused.planExists", unitName(unitId), year);
		}
		TrainingPlan plan = plans.save(new TrainingPlan(unitId, year, LocalDateTime.now(clock)));
		audit.record("TRAINING_PLAN_CREATED", ENTITY, key(plan), "R-60", null, plan.describe(text));
		return plan;
	}

	@Transactional
	PlanItem addItem(long planId, Integer version, ItemDraft draft) {
		TrainingPlan plan = forSquad(planId, version);
		PlanItem item = plan.addItem(draft);
		plans.save(plan);
		audit.record("TRAINING_PLAN_ITEM_ADDED", ENTITY, key(plan), "R-60", null, item.describe(text));
		return item;
	}

	@Transactional
	PlanItem changeItem(long planId, Integer version, int itemNo, ItemDraft draft) {
		TrainingPlan plan = forSquad(planId, version);
		String before = plan.item(itemNo).map(i -> i.describe(text)).orElse(null);
		PlanItem item = plan.changeItem(itemNo, draft);
		plans.save(plan);
		audit.record("TRAINING_PLAN_ITEM_CHANGED", ENTITY, key(plan), "R-60", before, item.describe(text));
		return item;
	}

	@Transactional
	PlanItem removeItem(long planId, Integer version, int itemNo) {
		TrainingPlan plan = forSquad(planId, version);
		PlanItem item = plan.removeItem(itemNo);
		plans.save(plan);
		audit.record("TRAINING_PLAN_ITEM_REMOVED", ENTITY, key(plan), "R-60", item.describe(text), null);
		return item;
	}

	@Transactional
	TrainingPlan submit(long planId, Integer version) {
		TrainingPlan plan = forSquad(planId, version);
		String before = plan.describe(text);
		plan.submit(CurrentUser.get().username(), LocalDate.now(clock));
		plans.save(plan);
		audit.record("TRAINING_PLAN_SUBMITTED", ENTITY, key(plan), "R-60", before, plan.describe(text));
		return plan;
	}

	@Transactional
	TrainingPlan backToDraft(long planId, Integer version) {
		TrainingPlan plan = forSquad(planId, version);
		String before = plan.describe(text);
		plan.backToDraft();
		plans.save(plan);
		audit.record("TRAINING_PLAN_BACK_TO_DRAFT", ENTITY, key(plan), "R-60", before, plan.describe(text));
		return plan;
	}

	@Transactional
	TrainingPlan coordinate(long planId, Integer version) {
		TrainingPlan plan = forLegalSection(planId, version);
		String before = plan.describe(text);
		plan.coordinate(CurrentUser.get().username(), LocalDate.now(clock));
		plans.save(plan);
		audit.record("TRAINING_PLAN_COORDINATED", ENTITY, key(plan), "R-60", before, plan.describe(text));
		return plan;
	}

	@Transactional
	TrainingPlan requestChanges(long planId, Integer version, String reason) {
		TrainingPlan plan = forLegalSection(planId, version);
		String before = plan.describe(text);
		plan.requestChanges(reason);
		plans.save(plan);
		audit.record("TRAINING_PLAN_CHANGES_REQUESTED", ENTITY, key(plan), "R-60", before, plan.describe(text));
		// the squad's leaders hear of it in the message centre (same transaction: a message iff the return committed)
		events.publishEvent(new TrainingPlanReturned(plan.getId(), plan.getUnitId(), unitName(plan.getUnitId()),
				plan.getPlanYear(), plan.getChangeReason()));
		return plan;
	}

	private TrainingPlan forSquad(long planId, Integer version) {
		TrainingPlan plan = get(planId);
		TrainingScope.requireActorFor(plan.getUnitId(), "plan");
		return checked(plan, version);
	}

	private TrainingPlan forLegalSection(long planId, Integer version) {
		TrainingPlan plan = get(planId);
		TrainingScope.requireLegalSection();
		return checked(plan, version);
	}

	/** The version the user saw must still be the plan's: otherwise someone changed it meanwhile. */
	private static TrainingPlan checked(TrainingPlan plan, Integer version) {
		if (!Objects.equals(version, plan.getVersion())) {
			throw new OptimisticLockingFailureException(
					"training_plan " + plan.getId() + " is at version " + plan.getVersion() + ", form had " + version);
		}
		return plan;
	}

	private String key(TrainingPlan plan) {
		return unitName(plan.getUnitId()) + " " + plan.getPlanYear();
	}

	/** Not there or out of the user's scope: 404 ({@code training.notFound.<what>}). */
	static Refusal notFound(String what) {
		return Refusal.of("training.notFound." + what).withStatus(HttpStatus.NOT_FOUND);
	}

}
