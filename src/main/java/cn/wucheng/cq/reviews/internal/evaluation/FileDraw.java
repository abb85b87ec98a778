package cn.wucheng.cq.reviews.internal.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * R-43's reproducible draw (抽取): n files per unit from the candidates, by a pseudo-random generator seeded with the
 * round's recorded seed. The candidates are put in a fixed order (unit id, then case number) before shuffling, and
 * {@link Random} is specified to give the same sequence for the same seed on every JVM — so the same seed and the
 * same cases always give the same draw, and anyone can repeat it.
 */
final class FileDraw {

	/** A case that may be drawn. */
	record Candidate(long caseId, String caseNo, long unitId) {
	}

	private FileDraw() {
	}

	static List<DrawnFile> draw(List<Candidate> candidates, int perUnit, long seed) {
		Map<Long, List<Candidate>> byUnit = new TreeMap<>();
		for (Candidate c : candidates) {
			byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
		}
		Random random = new Random(seed);
		List<DrawnFile> drawn = new ArrayList<>();
		int order = 0;
		for (List<Candidate> unit : byUnit.values()) {
			List<Candidate> pool = new ArrayList<>(unit);
			pool.sort(Comparator.comparing(Candidate::caseNo).thenComparingLong(Candidate::caseId));
			Collections.shuffle(pool, random);
			for (Candidate c : pool.subList(0, Math.min(perUnit, pool.size()))) {
				drawn.add(new DrawnFile(c.caseId(), c.unitId(), ++order));
			}
		}
		return drawn;
	}

}
