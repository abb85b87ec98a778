package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;

/**
 * An item of the case-file evaluation standard (评查标准, R-43): a deduction item (points off the 100) or a veto item
 * (否决项: a legality failure that makes the file 0, its points unused).
 */
@Table("evaluation_item")
public class EvaluationItem {

	static final BigDecimal MAX = new BigDecimal("100");

	@Id
	private Long id;

	private String code;

	@Column("item_text")
	private String text;

	private BigDecimal points;

	private boolean veto;

	private boolean active = true;

	private int sortOrder;

	@Version
	private Integer version;

	protected EvaluationItem() {
	}

	EvaluationItem(String code, String text, BigDecimal points, boolean veto, int sortOrder) {
		if (code == null || code.isBlank()) {
			throw Refusal.of("evaluation.refused.itemCodeMissing");
		}
		this.code = code.strip();
		change(text, points, veto, true, sortOrder);
	}

	void change(String text, BigDecimal points, boolean veto, boolean active, int sortOrder) {
		if (text == null || text.isBlank()) {
			throw Refusal.of("evaluation.refused.itemTextMissing");
		}
		BigDecimal p = points == null ? BigDecimal.ZERO : points;
		if (!veto && (p.signum() <= 0 || p.compareTo(MAX) > 0)) {
			throw Refusal.of("evaluation.refused.itemPoints");
		}
		if (p.signum() < 0 || p.stripTrailingZeros().scale() > 2) {
			throw Refusal.of("evaluation.refused.itemPointsScale");
		}
		this.text = text.strip();
		this.points = veto ? BigDecimal.ZERO : p;
		this.veto = veto;
		this.active = active;
		this.sortOrder = sortOrder;
	}

	String describe() {
		return "code=" + code + "\ntext=" + text + "\npoints=" + points.stripTrailingZeros().toPlainString() + "\nveto="
				+ veto + "\nactive=" + active + "\nsort=" + sortOrder;
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

	public boolean isVeto() {
		return veto;
	}

	public boolean isActive() {
		return active;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public Integer getVersion() {
		return version;
	}

}
