package cn.wucheng.cq.reviews.internal.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;

/**
 * An evaluation round: a month's peer evaluation (案卷互评) or a third-party spot check (抽查), with the seed of
 * its draw and the files drawn. The files are drawn once, when the round is opened.
 */
@Table("evaluation_round")
public class EvaluationRound {

	static final int MAX_PER_SQUAD = 50;

	@Id
	private Long id;

	private RoundKind kind;

	private LocalDate roundMonth;

	private int perSquad;

	private long seed;

	private LocalDate openedOn;

	private String openedBy;

	@MappedCollection(idColumn = "round_id")
	private Set<DrawnFile> files = new HashSet<>();

	@Version
	private Integer version;

	protected EvaluationRound() {
	}

	/**
	 * Opens a round and draws its files.
	 * @throws Refusal when the month is in the future, n is out of range or there is nothing to draw
	 */
	static EvaluationRound open(RoundKind kind, YearMonth month, int perSquad, long seed,
			List<FileDraw.Candidate> candidates, LocalDate today, String openedBy) {
		if (kind == null) {
			throw Refusal.of("evaluation.refused.kindMissing");
		}
		if (month == null) {
			throw Refusal.of("evaluation.refused.monthMissing");
		}
		if (month.isAfter(YearMonth.from(today))) {
			throw Refusal.of("evaluation.refused.monthInFuture", month);
		}
		if (perSquad < 1 || perSquad > MAX_PER_SQUAD) {
			throw Refusal.of("evaluation.refused.perSquad", MAX_PER_SQUAD);
		}
		List<DrawnFile> drawn = FileDraw.draw(candidates, perSquad, seed);
		if (drawn.isEmpty()) {
			throw Refusal.of("evaluation.refused.nothingToDraw", month);
		}
		EvaluationRound r = new EvaluationRound();
		r.kind = kind;
		r.roundMonth = month.atDay(1);
		r.perSquad = perSquad;
		r.seed = seed;
		r.openedOn = today;
		r.openedBy = openedBy;
		r.files.addAll(drawn);
		return r;
	}

	Optional<DrawnFile> file(long caseId) {
		return files.stream().filter(f -> f.caseId() == caseId).findFirst();
	}

	public Long getId() {
		return id;
	}

	public RoundKind getKind() {
		return kind;
	}

	public YearMonth getMonth() {
		return YearMonth.from(roundMonth);
	}

	public LocalDate getRoundMonth() {
		return roundMonth;
	}

	public int getPerSquad() {
		return perSquad;
	}

	public long getSeed() {
		return seed;
	}

	public LocalDate getOpenedOn() {
		return openedOn;
	}

	public String getOpenedBy() {
		return openedBy;
	}

	public List<DrawnFile> getFiles() {
		return files.stream().sorted(Comparator.comparingInt(DrawnFile::drawOrder)).toList();
	}

	public Integer getVersion() {
		return version;
	}

}
