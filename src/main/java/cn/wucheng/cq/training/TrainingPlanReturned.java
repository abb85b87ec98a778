package cn.wucheng.cq.training;

/**
 * Published (inside the transaction) when the legal section sends a squad's annual training plan back for changes
 * (退回修改, R-60) with a reason. A listener runs in the same transaction, so what it writes exists exactly when the
 * return was committed.
 */
public record TrainingPlanReturned(long planId, long unitId, String unitName, int year, String reason) {
}
