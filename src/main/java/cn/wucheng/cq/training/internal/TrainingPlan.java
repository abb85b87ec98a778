package cn.wucheng.cq.training.internal;

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
		requireEditable("新增培训项目");
		int next = items.stream().mapToInt(PlanItem::itemNo).max().orElse(0) + 1;
		PlanItem item = PlanItem.of(next, draft);
		items.add(item);
		return item;
	}

	PlanItem changeItem(int itemNo, ItemDraft draft) {
		requireEditable("修改培训项目");
		PlanItem old = requireItem(itemNo);
		items.remove(old);
		PlanItem item = PlanItem.of(itemNo, draft);
		items.add(item);
		return item;
	}

	PlanItem removeItem(int itemNo) {
		requireEditable("删除培训项目");
		PlanItem old = requireItem(itemNo);
		items.remove(old);
		return old;
	}

	// ------------------------------------------------------------------ workflow

	/** The squad (or the legal section for it) submits the plan; the first submission date counts for lateness. */
	void submit(String by, LocalDate on) {
		if (!status.isEditable()) {
			throw new TrainingRefusal("只有草稿或被退回修改的计划可以报送，该计划当前状态为“" + label(status) + "”");
		}
		if (items.isEmpty()) {
			throw new TrainingRefusal("培训计划还没有培训项目，不能报送");
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
			throw new TrainingRefusal("只有已报送的计划可以统筹，该计划当前状态为“" + label(status) + "”");
		}
		status = PlanStatus.COORDINATED;
		coordinatedOn = on;
		coordinatedBy = by;
		changeReason = null;
	}

	/** The legal section sends a submitted plan back, saying what to change. */
	void requestChanges(String reason) {
		if (status != PlanStatus.SUBMITTED) {
			throw new TrainingRefusal("只有已报送的计划可以退回修改，该计划当前状态为“" + label(status) + "”");
		}
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw new TrainingRefusal("退回修改须填写原因，说明需要修改什么");
		}
		if (r.length() > 500) {
			throw new TrainingRefusal("退回原因不能超过 500 个字");
		}
		status = PlanStatus.CHANGES_REQUESTED;
		changeReason = r;
	}

	/** The squad takes a plan that was sent back to a draft again (the reason stays visible until coordination). */
	void backToDraft() {
		if (status != PlanStatus.CHANGES_REQUESTED) {
			throw new TrainingRefusal("只有被退回修改的计划可以改回草稿，该计划当前状态为“" + label(status) + "”");
		}
		status = PlanStatus.DRAFT;
	}

	private void requireEditable(String what) {
		if (!status.isEditable()) {
			throw new TrainingRefusal("计划" + label(status) + "，不能" + what + "；只有草稿或被退回修改的计划可以修改");
		}
	}

	private PlanItem requireItem(int itemNo) {
		return item(itemNo).orElseThrow(() -> new TrainingRefusal("计划中没有第 " + itemNo + " 项培训项目"));
	}

	static String label(PlanStatus status) {
		return switch (status) {
			case DRAFT -> "草稿";
			case SUBMITTED -> "已报送";
			case CHANGES_REQUESTED -> "退回修改";
			case COORDINATED -> "已统筹";
		};
	}

	/** For the audit log. */
	String describe() {
		return "状态 " + status + "；项目 " + items.size() + " 项"
				+ (firstSubmittedOn == null ? "" : "；首次报送 " + firstSubmittedOn)
				+ (coordinatedOn == null ? "" : "；统筹 " + coordinatedOn)
				+ (changeReason == null ? "" : "；退回原因 " + changeReason);
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
