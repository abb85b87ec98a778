package cn.wucheng.cq.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Period} request parameter: only a quarter is accepted (rankings and the case-handling
 * standards are quarterly). A month, a year or unreadable text is refused with the one bad-period message
 * (400), as an unreadable period is on any other parameter (issue 15 item 2).
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QuarterOnly {

}
