package cn.wucheng.cq.reviews.internal.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The form that opens an evaluation round: kind, month, files per squad and an optional seed. */
class RoundForm {

	@NotNull(message = "{evaluation.error.kindBlank}")
	private RoundKind kind = RoundKind.PEER_REVIEW;

	@NotBlank(message = "{evaluation.error.monthBlank}")
	@Pattern(regexp = "\\d{4}-\\d{2}", message = "{evaluation.error.monthFormat}")
	private String month;

	@NotNull(message = "{evaluation.error.perSquad}")
	@Min(value = 1, message = "{evaluation.error.perSquad}")
	@Max(value = EvaluationRound.MAX_PER_SQUAD, message = "{evaluation.error.perSquad}")
	private Integer perSquad = 2;

	@Min(value = 0, message = "{evaluation.error.seed}")
	private Long seed;

	public RoundKind getKind() {
		return kind;
	}

	public void setKind(RoundKind kind) {
		this.kind = kind;
	}

	public String getMonth() {
		return month;
	}

	public void setMonth(String month) {
		this.month = month;
	}

	public Integer getPerSquad() {
		return perSquad;
	}

	public void setPerSquad(Integer perSquad) {
		this.perSquad = perSquad;
	}

	public Long getSeed() {
		return seed;
	}

	public void setSeed(Long seed) {
		this.seed = seed;
	}

}
