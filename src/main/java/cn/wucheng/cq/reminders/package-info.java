/**
 * Reminders (提醒): what is due and overdue for the signed-in user. Each module that has deadlines contributes a
 * {@link cn.wucheng.cq.reminders.DueItemSource} bean; this module collects them (page, home panel, webhook) and
 * depends on none of them.
 */
package cn.wucheng.cq.reminders;
