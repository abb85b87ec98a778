package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * Two users edit the same training session from the same page: the first save wins, the second is told in
 * Chinese and overwrites nothing — for the session's details and for its attendance. Units 并发场次*, 工号 CON-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=training")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingSessionStaleEditTests {

	private static final String STALE = "未保存：该记录已被他人修改，请查看最新内容后重试。";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrainingSessionRepository sessions;

	long squad;

	long session;

	@BeforeAll
	void aSessionOfACoordinatedPlan() {
		Bureau bureau = new Bureau(jdbc);
		TrainingFixture training = new TrainingFixture(jdbc);
		squad = bureau.unit("并发场次中队", "直属中队");
		bureau.officer("CON-F1", "并发甲", squad);
		bureau.officer("CON-F2", "并发乙", squad);
		long plan = training.plan(squad, 2024, "COORDINATED", "并发主题");
		session = training.session(plan, LocalDate.of(2024, 6, 20), "2", LocalDate.of(2024, 6, 1));
	}

	@Test
	void theSecondOfTwoEditsOfTheSameSessionIsRefusedAndTheFirstStays() throws Exception {
		String seen = version();
		mvc.perform(reschedule(seen, "先保存的会议室").with(Users.legalOfficerOf(squad)))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.notNullValue()));
		mvc.perform(reschedule(seen, "后保存的会议室").with(Users.squadLeaderOf(squad)))
			.andExpect(flash().attribute("flashError", STALE));
		assertThat(sessions.findById(session).orElseThrow().getPlace()).isEqualTo("先保存的会议室");
	}

	@Test
	void recordingAttendanceFromAStalePageIsRefusedAndAddsNobody() throws Exception {
		String seen = version();
		mvc.perform(attendee(seen, "CON-F1").with(Users.legalOfficerOf(squad)))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.notNullValue()));
		mvc.perform(attendee(seen, "CON-F2").with(Users.squadLeaderOf(squad)))
			.andExpect(flash().attribute("flashError", STALE));
		assertThat(sessions.findById(session).orElseThrow().getAttendees()).hasSize(1);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder reschedule(String version,
			String place) {
		return post("/training/sessions/" + session).with(csrf()).param("version", version)
			.param("heldOn", "2024-06-20").param("place", place).param("hours", "2")
			.param("bankReleasedOn", "2024-06-01");
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder attendee(String version,
			String employeeNo) {
		return post("/training/sessions/" + session + "/attendees").with(csrf()).param("version", version)
			.param("employeeNo", employeeNo).param("signedIn", "true");
	}

	private String version() {
		return jdbc.sql("select version from training_session where id = ?").param(session).query(String.class).single();
	}

}
