package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The home page's cards count within the reader's data scope, with the scope's ids bound as SQL parameters (issue 15
 * item 5: no SQL built from values). Squad 首页卡片中队 and people HC-* are unique to this class.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeCardsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long squad;

	long lead;

	@BeforeAll
	void aSquadWithThreeCases() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("首页卡片中队", "二类中队");
		long other = bureau.unit("首页卡片另一中队", "二类中队");
		lead = bureau.officer("HC-01", "卡片甲", squad);
		long co = bureau.officer("HC-02", "卡片乙", squad);
		long elsewhere = bureau.officer("HC-03", "卡片丙", other);
		long elsewhereToo = bureau.officer("HC-05", "卡片戊", other);
		long auxiliary = bureau.auxiliary("HC-04", "卡片丁", squad);
		LocalDate day = LocalDate.of(2021, 5, 10);
		bureau.concludedCase("HC-A", "简易程序", squad, lead, co, day);
		bureau.concludedCase("HC-B", "普通程序", squad, co, lead, day);
		bureau.concludedCase("HC-C", "普通程序", squad, co, auxiliary, day);
		bureau.concludedCase("HC-D", "普通程序", other, elsewhere, elsewhereToo, day);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Long> cards(RequestPostProcessor user) throws Exception {
		List<HomeController.Card> cards = (List<HomeController.Card>) mvc.perform(get("/").with(user))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("cards");
		return cards.stream().collect(Collectors.toMap(HomeController.Card::labelKey, HomeController.Card::value));
	}

	@Test
	void aSquadLeaderCountsTheCasesFormalOfficersAndUnitOfHisSquadOnly() throws Exception {
		Map<String, Long> cards = cards(Users.squadLeaderOf(squad));
		assertThat(cards).containsEntry("home.card.cases", 3L)
			.containsEntry("home.card.people", 2L)
			.containsEntry("home.card.units", 1L);
	}

	@Test
	void anOfficerCountsTheCasesHeHandlesAsLeadOrCoHandler() throws Exception {
		Map<String, Long> cards = cards(Users.officer(lead, squad));
		assertThat(cards).containsEntry("home.card.cases", 2L).doesNotContainKey("home.card.people");
	}

}
