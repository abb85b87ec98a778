package cn.wucheng.cq.training.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.training.PlanStatus;

/**
 * A directly-affiliated squad's annual training plan. Its workflow is a set of methods that refuse what the
 * programme does not allow: the squad writes it (DRAFT) and submits it; the legal section coordinates it (统筹,
 * COORDINATED, final) or sends it back with a reason (CHANGES_REQUESTED), after which the squad changes and submits it
 * again, or takes it back to a draft. Items change only while the plan is a draft or sent back.
 */
@Table("training_plan")
public class TrainingPlan {

	@Id
	private Long id;

	private Long unitId;

	private int planYear;

	private PlanStatus status;

	private LocalDate firstSubmittedOn;

	private LocalDate submittedOn;

	private String submittedBy;

	private LocalDate coordinatedOn;

	private String coordinatedBy;

	private String changeReason;

	private LocalDateTime createdAt;

	@MappedCollection(idColumn = "plan_id")
	private Set<PlanItem> items = new HashSet<>();

	@Version
	private Integer version;

	protected TrainingPlan() {
	}

	TrainingPlan(Long unitId, int planYear, LocalDateTime createdAt) {
		this.unitId = unitId;
		this.planYear = planYear;
		this.status = PlanStatus.DRAFT;
		this.createdAt = createdAt;
	}

	// ------------------------------------------------------------------ items

	PlanItem addItem(ItemDraft draft) {
		requireEditable("add");
		int next = items.stream().mapToInt(PlanItem::itemNo).max().orElse(0) + 1;
		PlanItem item = PlanItem.of(next, draft);
		items.add(item);
		return item;
	}

	PlanItem changeItem(int itemNo, ItemDraft draft) {
		requireEditable("change");
		PlanItem old = requireItem(itemNo);
		items.remove(old);
		PlanItem item = PlanItem.of(itemNo, draft);
		items.add(item);
		return item;
	}

	PlanItem removeItem(int itemNo) {
		requireEditable("remove");
		PlanItem old = requireItem(itemNo);
		items.remove(old);
		return old;
	}

	// ------------------------------------------------------------------ workflow

	/** The squad (or the legal section for it) submits the plan; the first submission date counts for lateness. */
	void submit(String by, LocalDate on) {
		if (!status.isEditable()) {
			throw Refusal.of("training.refused.submit", label(status));
		}
		if (items.isEmpty()) {
			throw Refusal.of("training.refused.submitEmpty");
		}
		status = PlanStatus.SUBMITTED;
		submittedOn = on;
		submittedBy = by;
		if (firstSubmittedOn == null) {
			firstSubmittedOn = on;
		}
	}

	/** The legal section coordinates (统筹) a submitted plan; sessions may then be held from its items. */
	void coordinate(String by, LocalDate on) {
		if (status != PlanStatus.SUBMITTED) {
			throw Refusal.of("training.refused.coordinate", label(status));
		}
		status = PlanStatus.COORDINATED;
		coordinatedOn = on;
		coordinatedBy = by;
		changeReason = null;
	}

	/** The legal section sends a submitted plan back, saying what to change. */
	void requestChanges(String reason) {
		if (status != PlanStatus.SUBMITTED) {
			throw Refusal.of("training.refused.requestChanges", label(status));
		}
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw Refusal.of("training.refused.reasonMissing");
		}
		if (r.length() > 500) {
			throw Refusal.of("training.refused.reasonTooLong", 500);
		}
		status = PlanStatus.CHANGES_REQUESTED;
		changeReason = r;
	}

	/** The squad takes a plan that was sent back to a draft again (the reason stays visible until coordination). */
	void backToDraft() {
		if (status != PlanStatus.CHANGES_REQUESTED) {
			throw Refusal.of("training.refused.backToDraft", label(status));
		}
		status = PlanStatus.DRAFT;
	}

	private void requireEditable(String what) {
		if (!status.isEditable()) {
			throw Refusal.of("training.refused.notEditable", label(status), Refusal.label("training.refused.itemChange." + what));
		}
	}

	private PlanItem requireItem(int itemNo) {
		return item(itemNo).orElseThrow(() -> noItem(itemNo));
	}

	static Refusal noItem(int itemNo) {
		return Refusal.of("training.refused.noItem", itemNo);
	}

	/** The status as users read it (training.status.*), an argument of a refusal's message. */
	static MessageSourceResolvable label(PlanStatus status) {
		return Refusal.label("training.status." + status.name());
	}

	/** For the audit log. */
	String describe(Refusals text) {
		return text.message("training.audit.plan", status, items.size())
				+ (firstSubmittedOn == null ? "" : text.message("training.audit.plan.firstSubmitted", firstSubmittedOn))
				+ (coordinatedOn == null ? "" : text.message("training.audit.plan.coordinated", coordinatedOn))
				+ (changeReason == null ? "" : text.message("training.audit.plan.reason", changeReason));
	}

	// ------------------------------------------------------------------ reads

	public Optional<PlanItem> item(int itemNo) {
		return items.stream().filter(i -> i.itemNo() == itemNo).findFirst();
	}

	/** Items by month, then number. */
	public List<PlanItem> getItems() {
		return items.stream()
			.sorted(Comparator.comparingInt(PlanItem::itemMonth).thenComparingInt(PlanItem::itemNo))
			.toList();
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public int getPlanYear() {
		return planYear;
	}

	public PlanStatus getStatus() {
		return status;
	}

	public LocalDate getFirstSubmittedOn() {
		return firstSubmittedOn;
	}

	public LocalDate getSubmittedOn() {
		return submittedOn;
	}

	public String getSubmittedBy() {
		return submittedBy;
	}

	public LocalDate getCoordinatedOn() {
		return coordinatedOn;
	}

	public String getCoordinatedBy() {
		return coordinatedBy;
	}

	public String getChangeReason() {
		return changeReason;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public Integer getVersion() {
		return version;
	}

}
