package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The add/edit form of an evaluation-standard item; the code is set once, the version guards a stale edit. */
class EvaluationItemForm {

	interface New {
	}

	@NotBlank(message = "{evaluationItems.error.codeBlank}", groups = New.class)
	@Size(max = 20, message = "{evaluationItems.error.codeLong}", groups = New.class)
	@Pattern(regexp = "[A-Za-z0-9_\\-]*", message = "{evaluationItems.error.codeChars}", groups = New.class)
	private String code;

	@NotBlank(message = "{evaluationItems.error.textBlank}")
	@Size(max = 300, message = "{evaluationItems.error.textLong}")
	private String text;

	@DecimalMin(value = "0", message = "{evaluationItems.error.points}")
	@DecimalMax(value = "100", message = "{evaluationItems.error.points}")
	@Digits(integer = 3, fraction = 2, message = "{evaluationItems.error.points}")
	private BigDecimal points;

	private boolean veto;

	private boolean active = true;

	private int sortOrder;

	private Integer version;

	static EvaluationItemForm of(EvaluationItem item) {
		EvaluationItemForm f = new EvaluationItemForm();
		f.code = item.getCode();
		f.text = item.getText();
		f.points = item.getPoints();
		f.veto = item.isVeto();
		f.active = item.isActive();
		f.sortOrder = item.getSortOrder();
		f.version = item.getVersion();
		return f;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code == null ? null : code.strip();
	}

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public BigDecimal getPoints() {
		return points;
	}

	public void setPoints(BigDecimal points) {
		this.points = points;
	}

	public boolean isVeto() {
		return veto;
	}

	public void setVeto(boolean veto) {
		this.veto = veto;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
