package cn.wucheng.cq.organisation;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * From {@code validFrom} on, the person belongs to {@code unitId}. Rules that need "the unit" take the one valid on
 * the last day of the period evaluated.
 */
@Table("person_unit_history")
public record UnitAssignment(Long unitId, LocalDate validFrom) {

	/** The start of a first assignment whose real start is unknown: it holds for every period. */
	public static final LocalDate SINCE_ALWAYS = LocalDate.of(1900, 1, 1);

}
