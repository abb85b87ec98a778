package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/** An item of the standard an evaluator found failed, with the points in force when he submitted. */
@Table("evaluation_deduction")
public record EvaluationDeduction(Long itemId, BigDecimal points, boolean veto) {
}
