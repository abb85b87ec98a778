package cn.wucheng.cq.scoring.standards;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The legal section's form for a year's case-handling standard. Carries what the page showed for that year
 * so a concurrent change is reported instead of overwritten.
 */
public class StandardForm {

	@NotNull(message = "{standards.form.year.required}")
	@Min(value = 2000, message = "{standards.form.year.range}")
	@Max(value = 2999, message = "{standards.form.year.range}")
	private Integer year;

	@NotNull(message = "{standards.form.min.required}")
	@Min(value = 0, message = "{standards.form.min.range}")
	@Max(value = 99, message = "{standards.form.min.range}")
	private Integer simpleMin;

	@NotNull(message = "{standards.form.min.required}")
	@Min(value = 0, message = "{standards.form.min.range}")
	@Max(value = 99, message = "{standards.form.min.range}")
	private Integer ordinaryMin;

	private Integer shownYear;

	private Integer shownSimpleMin;

	private Integer shownOrdinaryMin;

	/** The quarter the user was looking at, to return to it. */
	private String period;

	static StandardForm of(int year, int simpleMin, int ordinaryMin, String period) {
		StandardForm f = new StandardForm();
		f.year = year;
		f.simpleMin = simpleMin;
		f.ordinaryMin = ordinaryMin;
		f.shownYear = year;
		f.shownSimpleMin = simpleMin;
		f.shownOrdinaryMin = ordinaryMin;
		f.period = period;
		return f;
	}

	CaseCounts toMinimum() {
		return new CaseCounts(simpleMin, ordinaryMin);
	}

	/** What the page showed for the year being saved; null when the user typed another year. */
	CaseCounts shownMinimumOfSavedYear() {
		if (shownYear == null || !shownYear.equals(year) || shownSimpleMin == null || shownOrdinaryMin == null) {
			return null;
		}
		return new CaseCounts(shownSimpleMin, shownOrdinaryMin);
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public Integer getSimpleMin() {
		return simpleMin;
	}

	public void setSimpleMin(Integer simpleMin) {
		this.simpleMin = simpleMin;
	}

	public Integer getOrdinaryMin() {
		return ordinaryMin;
	}

	public void setOrdinaryMin(Integer ordinaryMin) {
		this.ordinaryMin = ordinaryMin;
	}

	public Integer getShownYear() {
		return shownYear;
	}

	public void setShownYear(Integer shownYear) {
		this.shownYear = shownYear;
	}

	public Integer getShownSimpleMin() {
		return shownSimpleMin;
	}

	public void setShownSimpleMin(Integer shownSimpleMin) {
		this.shownSimpleMin = shownSimpleMin;
	}

	public Integer getShownOrdinaryMin() {
		return shownOrdinaryMin;
	}

	public void setShownOrdinaryMin(Integer shownOrdinaryMin) {
		this.shownOrdinaryMin = shownOrdinaryMin;
	}

	public String getPeriod() {
		return period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

}
