package cn.wucheng.cq.cases.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import cn.wucheng.cq.cases.CaseCategory;

/**
 * The filters of the case list, bound from the query string: unit, category, domain, concluded-date range
 * ({@code from}/{@code to}), filed-date range, handler (工号 or name), case or decision number, only flagged, sort and
 * page.
 */
class CaseFilter {

	private Long unit;

	private CaseCategory category;

	private Long domain;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate filedFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate filedTo;

	private String handler;

	private String q;

	private boolean flagged;

	private CaseSort sort;

	private Integer page;

	/**
	 * The chosen order; by default newest filing first, but latest conclusion first when the list is filtered by
	 * conclusion date (a quarter's concluded cases read naturally in that order, and the conclusion-date index then
	 * serves both the filter and the order).
	 */
	CaseSort sortOrDefault() {
		if (sort != null) {
			return sort;
		}
		return from != null || to != null ? CaseSort.CONCLUDED_DESC : CaseSort.FILED_DESC;
	}

	String handlerText() {
		return handler == null || handler.isBlank() ? null : handler.trim();
	}

	String numberText() {
		return q == null || q.isBlank() ? null : q.trim();
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public CaseCategory getCategory() {
		return category;
	}

	public void setCategory(CaseCategory category) {
		this.category = category;
	}

	public Long getDomain() {
		return domain;
	}

	public void setDomain(Long domain) {
		this.domain = domain;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public LocalDate getFiledFrom() {
		return filedFrom;
	}

	public void setFiledFrom(LocalDate filedFrom) {
		this.filedFrom = filedFrom;
	}

	public LocalDate getFiledTo() {
		return filedTo;
	}

	public void setFiledTo(LocalDate filedTo) {
		this.filedTo = filedTo;
	}

	public String getHandler() {
		return handler;
	}

	public void setHandler(String handler) {
		this.handler = handler;
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public boolean isFlagged() {
		return flagged;
	}

	public void setFlagged(boolean flagged) {
		this.flagged = flagged;
	}

	public CaseSort getSort() {
		return sort;
	}

	public void setSort(CaseSort sort) {
		this.sort = sort;
	}

	public Integer getPage() {
		return page;
	}

	public void setPage(Integer page) {
		this.page = page;
	}

}
