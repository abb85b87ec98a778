/**
 * The working-day calendar: public holidays and make-up working days (调休), and {@link
 * cn.wucheng.cq.calendar.WorkingDays} for every deadline counted in working days or given as a day of the month.
 */
package cn.wucheng.cq.calendar;
