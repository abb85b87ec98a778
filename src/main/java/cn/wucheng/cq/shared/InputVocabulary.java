package cn.wucheng.cq.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chinese words the system reads in input files or stores as data (issue 15 item 3), not text it shows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InputVocabulary {

	/** Where the words are read or stored (optional: an import's column headers, a stored procedure name…). */
	String value() default "";

}
