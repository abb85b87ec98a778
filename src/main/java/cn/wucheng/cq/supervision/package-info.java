/**
 * Supervision (督导, R-70, R-72–R-74): the 18 key tasks of attachment 4 with deadlines, status and evidence, the
 * programme's leading group and one-off milestones,
 * monthly review meetings (研判会商), the drafted mid-term and annual reports (.docx) and the assessment exports
 * (.xlsx). Other modules contribute a task's status from their data ({@link cn.wucheng.cq.supervision.TaskStatusSource})
 * and sections of the reports ({@link cn.wucheng.cq.supervision.ReportSection}).
 */
package cn.wucheng.cq.supervision;
