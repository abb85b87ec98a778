package cn.wucheng.cq.reviews;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;

/** An item of the case-quality evaluation standard (案件质量评查标准, R-21): code, text and points deducted. */
@Table("deduction_item")
public class DeductionItem {

	@Id
	private Long id;

	private String code;

	@org.springframework.data.relational.core.mapping.Column("item_text")
	private String text;

	private BigDecimal points;

	private boolean active = true;

	@Version
	private Integer version;

	protected DeductionItem() {
	}

	public DeductionItem(String code, String text, BigDecimal points) {
		if (code == null || code.isBlank()) {
			throw Refusal.of("deductionItems.refused.codeMissing");
		}
		this.code = code.trim();
		change(text, points, true);
	}

	public void change(String text, BigDecimal points, boolean active) {
		if (text == null || text.isBlank()) {
			throw Refusal.of("deductionItems.refused.textMissing");
		}
		if (points == null || points.signum() <= 0 || points.scale() > 2 && points.stripTrailingZeros().scale() > 2) {
			throw Refusal.of("deductionItems.refused.points");
		}
		this.text = text.trim();
		this.points = points;
		this.active = active;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getText() {
		return text;
	}

	public BigDecimal getPoints() {
		return points;
	}

	public boolean isActive() {
		return active;
	}

	public Integer getVersion() {
		return version;
	}

}
