package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form for one item of a training plan (attachment 3); {@code version} is the plan's, to refuse a stale edit. */
public class PlanItemForm {

	@NotBlank(message = "{training.item.topic.required}")
	@Size(max = 100, message = "{training.item.topic.size}")
	private String topic;

	@Size(max = 1000, message = "{training.item.content.size}")
	private String content;

	@NotNull(message = "{training.item.month.required}")
	@Min(value = 1, message = "{training.item.month.range}")
	@Max(value = 12, message = "{training.item.month.range}")
	private Integer month;

	@NotNull(message = "{training.item.hours.required}")
	@DecimalMin(value = "0", inclusive = false, message = "{training.item.hours.range}")
	@DecimalMax(value = "200", message = "{training.item.hours.range}")
	@Digits(integer = 3, fraction = 2, message = "{training.item.hours.digits}")
	private BigDecimal hours;

	@Size(max = 50, message = "{training.item.trainer.size}")
	private String trainer;

	@Size(max = 200, message = "{training.item.trainees.size}")
	private String trainees;

	@Size(max = 200, message = "{training.item.assessment.size}")
	private String assessment;

	private Integer version;

	static PlanItemForm of(PlanItem item, Integer version) {
		PlanItemForm f = new PlanItemForm();
		f.topic = item.topic();
		f.content = item.content();
		f.month = item.itemMonth();
		f.hours = ItemDraft.plain(item.hours());
		f.trainer = item.trainer();
		f.trainees = item.trainees();
		f.assessment = item.assessment();
		f.version = version;
		return f;
	}

	static PlanItemForm empty(Integer version) {
		PlanItemForm f = new PlanItemForm();
		f.version = version;
		return f;
	}

	ItemDraft toDraft() {
		return new ItemDraft(topic, content, month, hours, trainer, trainees, assessment);
	}

	public String getTopic() {
		return topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public Integer getMonth() {
		return month;
	}

	public void setMonth(Integer month) {
		this.month = month;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public String getTrainer() {
		return trainer;
	}

	public void setTrainer(String trainer) {
		this.trainer = trainer;
	}

	public String getTrainees() {
		return trainees;
	}

	public void setTrainees(String trainees) {
		this.trainees = trainees;
	}

	public String getAssessment() {
		return assessment;
	}

	public void setAssessment(String assessment) {
		this.assessment = assessment;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
