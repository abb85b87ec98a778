package cn.wucheng.cq.reviews.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** R-43's seeded draw: reproducible, n per unit, never more than a unit has, independent of the input order. */
@Tag("nodb")
class FileDrawTests {

	static List<FileDraw.Candidate> candidates() {
		List<FileDraw.Candidate> c = new ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			c.add(new FileDraw.Candidate(100 + i, "A-" + i, 1));
		}
		for (int i = 1; i <= 3; i++) {
			c.add(new FileDraw.Candidate(200 + i, "B-" + i, 2));
		}
		c.add(new FileDraw.Candidate(301, "C-1", 3));
		return c;
	}

	@Test
	void theSameSeedGivesTheSameDrawWhateverOrderTheCandidatesComeIn() {
		List<FileDraw.Candidate> reversed = new ArrayList<>(candidates());
		java.util.Collections.reverse(reversed);
		List<DrawnFile> first = FileDraw.draw(candidates(), 2, 20240301L);
		assertThat(FileDraw.draw(candidates(), 2, 20240301L)).isEqualTo(first);
		assertThat(FileDraw.draw(reversed, 2, 20240301L)).isEqualTo(first);
	}

	@Test
	void eachUnitGivesNFilesOrAllItHasNumberedInDrawOrder() {
		List<DrawnFile> drawn = FileDraw.draw(candidates(), 2, 7L);
		assertThat(drawn).extracting(DrawnFile::unitId).containsExactly(1L, 1L, 2L, 2L, 3L);
		assertThat(drawn).extracting(DrawnFile::drawOrder).containsExactly(1, 2, 3, 4, 5);
		assertThat(drawn).extracting(DrawnFile::caseId).doesNotHaveDuplicates();
	}

	@Test
	void differentSeedsDrawDifferentFiles() {
		Set<List<Long>> draws = new HashSet<>();
		for (long seed = 1; seed <= 10; seed++) {
			draws.add(FileDraw.draw(candidates(), 2, seed).stream().map(DrawnFile::caseId).toList());
		}
		assertThat(draws).hasSizeGreaterThan(1);
	}

}
