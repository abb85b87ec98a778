package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusals;

/**
 * One line of a training plan (attachment 3): 培训主题, 培训内容, month, hours (学时, exact decimal such as 2.5), trainer,
 * trainees and assessment method. {@code itemNo} is fixed when the item is added and never reused.
 */
@Table("training_plan_item")
public record PlanItem(int itemNo, String topic, String content, int itemMonth, BigDecimal hours, String trainer,
		String trainees, String assessment) {

	static PlanItem of(int itemNo, ItemDraft d) {
		return new PlanItem(itemNo, d.topic(), d.content(), d.month(), d.hours(), d.trainer(), d.trainees(),
				d.assessment());
	}

	/** For the audit log. */
	String describe(Refusals text) {
		return text.message("training.audit.item", itemNo, topic, itemMonth, hours, trainer, trainees, assessment);
	}

}
