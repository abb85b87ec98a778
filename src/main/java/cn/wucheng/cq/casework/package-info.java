/**
 * Casework (案件办理): the squad leader registers cases and assigns their two handlers (中队长指派制, R-11) with the
 * deputy as reviewer when he handles a case himself; the squad page warns of a fixed handler; the
 * squad's legal officer reviews every simple case on the checklist of attachment 2; the squad leader signs
 * the monthly list and submits it to 法制科 by the 15th of the next month. All from the squad's rollout start
 * . Depends on cases, organisation and the shared services; nothing depends on it but the message centre,
 * which listens to {@link cn.wucheng.cq.casework.CaseAssigned}.
 */
package cn.wucheng.cq.casework;
