package cn.wucheng.cq.calendar;

/**
 * Published when an exception of the working-day calendar was added, changed or removed; {@link WorkingDays} forgets
 * the year it cached once the change's transaction has ended. Modules that cache deadlines may listen too.
 */
public record CalendarChanged(int year) {
}
