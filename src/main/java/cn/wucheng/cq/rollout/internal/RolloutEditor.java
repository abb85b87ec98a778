package cn.wucheng.cq.rollout.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The legal section's edits of the rollout batches: a batch's dates, a new batch, a new year with the three
 * squad categories. Every change checks the version the user saw (a stale edit is refused, never overwritten) and is
 * audited in the same transaction.
 */
@Service
class RolloutEditor {

	static final String ENTITY = "rollout_batch";

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	/** The squad categories in batch order. */
	static final List<UnitType> CATEGORIES = List.of(UnitType.DIRECT_SQUAD, UnitType.CLASS1_SQUAD,
			UnitType.CLASS2_SQUAD);

	private final BatchRepository batches;

	private final AuditLog audit;

	private final Refusals refusals;

	RolloutEditor(BatchRepository batches, AuditLog audit, Refusals refusals) {
		this.batches = batches;
		this.audit = audit;
		this.refusals = refusals;
	}

	/** New dates for a batch, if it is still at the version the user saw. */
	@Transactional
	Batch reschedule(long id, Integer version, LocalDate startsOn, LocalDate endsOn) {
		Batch b = batches.findById(id).orElseThrow(() -> Refusal.of("rollout.refused.notFound").withStatus(HttpStatus.NOT_FOUND));
		if (!Objects.equals(version, b.getVersion())) {
			// the batch's own words for a stale form (its page says 该批次, not 该记录)
			throw Refusal.of("rollout.stale").withStatus(HttpStatus.CONFLICT);
		}
		String before = b.describe();
		b.reschedule(startsOn, endsOn);
		Batch saved = batches.save(b);
		audit.record("ROLLOUT_BATCH_CHANGED", ENTITY, key(saved), "R-71", before, saved.describe());
		return saved;
	}

	/** One batch per category and year. */
	@Transactional
	Batch add(int year, UnitType type, LocalDate startsOn, LocalDate endsOn) {
		checkYear(year);
		if (type == null) {
			throw Refusal.of("rollout.refused.categoryRequired");
		}
		if (batches.findByBatchYear(year).stream().anyMatch(b -> b.getUnitType() == type)) {
			throw duplicate(year, type);
		}
		Batch saved;
		try {
			saved = batches.save(Batch.of(year, type, startsOn, endsOn));
		}
		catch (DuplicateKeyException e) {
			throw duplicate(year, type); // added by someone else just now
		}
		audit.record("ROLLOUT_BATCH_ADDED", ENTITY, key(saved), "R-71", null, saved.describe());
		return saved;
	}

	/**
	 * A year's batches for the categories it lacks, with the dates of the nearest earlier year moved to this year
	 * (else of the nearest later one, else the programme's 2024 windows), for the legal section to adjust.
	 * @return the batches added
	 */
	@Transactional
	List<Batch> addYear(int year) {
		checkYear(year);
		Set<UnitType> present = batches.findByBatchYear(year).stream().map(Batch::getUnitType)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(UnitType.class)));
		List<UnitType> missing = CATEGORIES.stream().filter(t -> !present.contains(t)).toList();
		if (missing.isEmpty()) {
			throw Refusal.of("rollout.refused.yearComplete", year);
		}
		List<Batch> all = batches.findAll();
		List<Batch> added = missing.stream().map(type -> {
			Batch template = template(all, type, year).orElse(null);
			LocalDate start;
			LocalDate end;
			if (template != null) {
				int shift = year - template.getBatchYear();
				start = template.getStartsOn().plusYears(shift);
				end = template.getEndsOn().plusYears(shift);
			}
			else {
				start = programmeStart(type, year);
				end = programmeEnd(type, year);
			}
			return batches.save(Batch.of(year, type, start, end));
		}).toList();
		audit.recordAll(added.stream()
			.map(b -> new AuditLog.Entry("ROLLOUT_BATCH_ADDED", ENTITY, key(b), "R-71 " + refusals.message("rollout.audit.yearAdded"), null,
					b.describe()))
			.toList());
		return added;
	}

	private static Optional<Batch> template(List<Batch> all, UnitType type, int year) {
		Optional<Batch> earlier = all.stream()
			.filter(b -> b.getUnitType() == type && b.getBatchYear() < year)
			.max(Comparator.comparingInt(Batch::getBatchYear));
		return earlier.or(() -> all.stream()
			.filter(b -> b.getUnitType() == type && b.getBatchYear() > year)
			.min(Comparator.comparingInt(Batch::getBatchYear)));
	}

	/** R-71's windows of 2024: 直属 9 Jan–29 Feb, 一类 1 Mar–30 Apr, 二类 1 May–30 Jun. */
	static LocalDate programmeStart(UnitType type, int year) {
		return switch (type) {
			case DIRECT_SQUAD -> LocalDate.of(year, 1, 9);
			case CLASS1_SQUAD -> LocalDate.of(year, 3, 1);
			default -> LocalDate.of(year, 5, 1);
		};
	}

	static LocalDate programmeEnd(UnitType type, int year) {
		return switch (type) {
			case DIRECT_SQUAD -> LocalDate.of(year, 3, 1).minusDays(1);
			case CLASS1_SQUAD -> LocalDate.of(year, 4, 30);
			default -> LocalDate.of(year, 6, 30);
		};
	}

	private static void checkYear(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw Refusal.of("rollout.refused.yearRange", MIN_YEAR, MAX_YEAR, year);
		}
	}

	private static Refusal duplicate(int year, UnitType type) {
		return Refusal.of("rollout.refused.duplicate", year, type.label());
	}

	private static String key(Batch b) {
		return b.getId() + " " + b.getBatchYear() + " " + b.getUnitType().label();
	}

}
