package cn.wucheng.cq.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** the question bank reaches trainees at least 15 days (half a month) before the session. */
@Tag("nodb")
class QuestionBankPolicyTests {

	@Test
	void r61_fifteenDaysBeforeIsInTimeFourteenIsNot() {
		LocalDate session = LocalDate.of(2024, 3, 16);
		assertThat(QuestionBankPolicy.inTime(LocalDate.of(2024, 3, 1), session)).isTrue();
		assertThat(QuestionBankPolicy.daysBefore(LocalDate.of(2024, 3, 1), session)).isEqualTo(15);
		assertThat(QuestionBankPolicy.inTime(LocalDate.of(2024, 3, 2), session)).isFalse();
		assertThat(QuestionBankPolicy.daysBefore(LocalDate.of(2024, 3, 2), session)).isEqualTo(14);
	}

	@Test
	void r61_theFlagsOfASessionFollowTheBankTheSubstitutionsAndTheMissingScores() {
		LocalDate held = LocalDate.of(2024, 3, 16);
		assertThat(SessionFlag.of(held, LocalDate.of(2024, 3, 1), 0, 0, held)).isEmpty();
		assertThat(SessionFlag.of(held, LocalDate.of(2024, 3, 2), 0, 0, held)).containsExactly(SessionFlag.BANK_LATE);
		assertThat(SessionFlag.of(held, null, 0, 0, held)).containsExactly(SessionFlag.BANK_MISSING);
		assertThat(SessionFlag.of(held, LocalDate.of(2024, 3, 1), 1, 0, held)).containsExactly(SessionFlag.SUBSTITUTION);
		// scores are missing only once the session has taken place
		assertThat(SessionFlag.of(held, LocalDate.of(2024, 3, 1), 0, 2, held.minusDays(1))).isEmpty();
		assertThat(SessionFlag.of(held, LocalDate.of(2024, 3, 1), 0, 2, held))
			.containsExactly(SessionFlag.SCORES_MISSING);
	}

}
