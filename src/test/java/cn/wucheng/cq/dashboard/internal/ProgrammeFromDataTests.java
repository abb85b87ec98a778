package cn.wucheng.cq.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.supervision.TaskEvidence;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * R-70 status from data for the review and recording tasks, judged on the month before "today" (February 2025 here;
 * the dashboard tests of this context use 2024 only).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=dashboard")
@AutoConfigureMockMvc // unused here: the same context as the dashboard page's tests (issue 15)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeFromDataTests {

	static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

	@Autowired
	ProgrammeFromData source;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void februaryWithAnUnreviewedOrdinaryCaseAndASimpleCaseWithoutVideo() {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("任务直属中队", "直属中队");
		long a = bureau.officer("TASK-01", "任甲", squad);
		long b = bureau.officer("TASK-02", "任乙", squad);
		bureau.caseIn("TASK-C1", "普通程序", "教育", squad, a, b, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 10));
		bureau.caseIn("TASK-S1", "简易程序", "教育", squad, a, b, LocalDate.of(2025, 2, 12), LocalDate.of(2025, 2, 12));
	}

	@Test
	void t07_anOrdinaryCaseOfLastMonthWithoutLegalReviewMakesTheTaskOverdueWithTheFigures() {
		TaskEvidence e = source.statusOf("T07", TODAY).orElseThrow();
		assertThat(e.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(e.note()).contains("2025-02", "0/1");
	}

	@Test
	void t08_aSquadWithoutItsListOfLastMonthMakesTheTaskOverdue() {
		TaskEvidence e = source.statusOf("T08", TODAY).orElseThrow();
		assertThat(e.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(e.note()).contains("逾期或未报送 1");
	}

	@Test
	void t10_t12_aSimpleCaseWithoutVideoIsOverdueButInquiriesAreInOrder() {
		TaskEvidence video = source.statusOf("T10", TODAY).orElseThrow();
		assertThat(video.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(video.note()).contains("1 处");
		assertThat(source.statusOf("T12", TODAY).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
	}

	@Test
	void tasksTheDataCannotTellAreLeftToTheHandSetStatus() {
		assertThat(source.statusOf("T04", TODAY)).isEmpty();
		assertThat(source.statusOf("T09", TODAY)).isEmpty();
		assertThat(source.statusOf("T18", TODAY)).isEmpty();
	}

}
