package cn.wucheng.cq.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** plans due by 31 January, coordinated by the end of February (dates as R-27 moved them). */
@Tag("nodb")
class PlanDeadlinePolicyTests {

	final PlanDeadlinePolicy y2024 = new PlanDeadlinePolicy(2024, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29));

	@Test
	void r60_aPlanSubmittedOnTheDeadlineAndCoordinatedInTimeIsNotFlagged() {
		assertThat(y2024.flags(true, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 6, 1)))
			.isEmpty();
	}

	@Test
	void r60_aPlanFirstSubmittedAfterTheDeadlineIsFlaggedLateForGood() {
		assertThat(y2024.flags(true, LocalDate.of(2024, 2, 1), null, LocalDate.of(2024, 2, 2)))
			.containsExactly(PlanFlag.SUBMITTED_LATE);
	}

	@Test
	void r60_aMissingPlanIsFlaggedOnlyOnceTheDeadlineHasPassed() {
		assertThat(y2024.flags(false, null, null, LocalDate.of(2024, 1, 31))).isEmpty();
		assertThat(y2024.flags(false, null, null, LocalDate.of(2024, 2, 1))).containsExactly(PlanFlag.NOT_SUBMITTED);
		assertThat(y2024.flags(false, null, null, LocalDate.of(2024, 3, 1))).containsExactly(PlanFlag.NOT_SUBMITTED);
	}

	@Test
	void r60_aDraftAfterBothDeadlinesIsNeitherSubmittedNorCoordinated() {
		assertThat(y2024.flags(true, null, null, LocalDate.of(2024, 3, 1)))
			.containsExactlyInAnyOrder(PlanFlag.NOT_SUBMITTED, PlanFlag.NOT_COORDINATED);
	}

	@Test
	void r60_coordinationAfterTheEndOfFebruaryIsFlaggedAndNotCoordinatedOnlyAfterIt() {
		assertThat(y2024.flags(true, LocalDate.of(2024, 1, 20), null, LocalDate.of(2024, 2, 29))).isEmpty();
		assertThat(y2024.flags(true, LocalDate.of(2024, 1, 20), null, LocalDate.of(2024, 3, 1)))
			.containsExactly(PlanFlag.NOT_COORDINATED);
		assertThat(y2024.flags(true, LocalDate.of(2024, 1, 20), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5)))
			.containsExactly(PlanFlag.COORDINATED_LATE);
	}

}
