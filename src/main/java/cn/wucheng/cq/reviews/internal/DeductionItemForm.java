package cn.wucheng.cq.reviews.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wucheng.cq.reviews.DeductionItem;

/**
 * The add/edit form of a deduction item: separate from the entity. The code is set once (it is the key imports
 * use); the version carries what the user saw, so a stale edit is refused.
 */
class DeductionItemForm {

	/** Checks that apply only when an item is added: its code is set once. */
	interface New {
	}

	@NotBlank(message = "{deductionItems.error.codeBlank}", groups = New.class)
	@Size(max = 20, message = "{deductionItems.error.codeLong}", groups = New.class)
	@Pattern(regexp = "[A-Za-z0-9_\\-]*", message = "{deductionItems.error.codeChars}", groups = New.class)
	private String code;

	@NotBlank(message = "{deductionItems.error.textBlank}")
	@Size(max = 200, message = "{deductionItems.error.textLong}")
	private String text;

	@NotNull(message = "{deductionItems.error.pointsBlank}")
	@DecimalMin(value = "0", inclusive = false, message = "{deductionItems.error.pointsPositive}")
	@Digits(integer = 6, fraction = 2, message = "{deductionItems.error.pointsDigits}")
	private BigDecimal points;

	private boolean active = true;

	private Integer version;

	static DeductionItemForm of(DeductionItem item) {
		DeductionItemForm f = new DeductionItemForm();
		f.code = item.getCode();
		f.text = item.getText();
		f.points = item.getPoints();
		f.active = item.isActive();
		f.version = item.getVersion();
		return f;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code == null ? null : code.trim();
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

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
