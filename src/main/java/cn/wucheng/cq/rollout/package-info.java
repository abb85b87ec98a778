/**
 * Rollout in batches (分批推进, R-71): the batch dates per squad category and year, and {@link
 * cn.wucheng.cq.rollout.Rollout}, which every rule of asks whether it applies to a
 * unit on a day. Set-based SQL joins the view {@code unit_rollout (unit_id, starts_on)} instead.
 */
package cn.wucheng.cq.rollout;
