package cn.wucheng.cq.calendar;

/**
 * Published when an exception of the working-day calendar was added, changed or removed. {@link WorkingDays} needs
 * no such notice (its years are kept under the data stamp, which the change raises at commit, on any instance);
 * modules that react to a new calendar may listen.
 */
public record CalendarChanged(int year) {
}
