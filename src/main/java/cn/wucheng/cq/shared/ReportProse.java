package cn.wucheng.cq.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose Chinese literals are report prose (issue 15 item 3): the value says which report.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReportProse {

	/** Which report the prose belongs to. */
	String value();

}
