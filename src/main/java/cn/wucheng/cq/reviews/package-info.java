/**
 * Returns with their deductions (退卷扣分, R-21), excellent-file awards and the deduction catalogue; the legal
 * review of ordinary cases by 法制科 (法制审核, R-42, internal.legal) and case-file evaluation — the evaluation
 * standard, monthly peer rounds and spot checks (案卷评查, R-43, internal.evaluation). Read API for other modules and
 * the dashboard: {@link cn.wucheng.cq.reviews.ReviewRates} and {@link cn.wucheng.cq.reviews.EvaluationResults}.
 */
package cn.wucheng.cq.reviews;
