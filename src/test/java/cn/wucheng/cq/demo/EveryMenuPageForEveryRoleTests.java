package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13, item 2: the demo fills the whole programme. With the demo loaded (the demo context's database, {@link DemoContext}), one user of each
 * role opens every page his rendered menu offers, with its default parameters; each page answers 200, shows no raw
 * message key ({@code ??key??}), no "null" or "NaN" as text, and its main content is not the "no data" state of its
 * default period. The menu is read from the page, not listed here, so a new menu entry is walked too.
 */
@ResourceLock(providers = SharedContextLock.class)
// the demo's shared context (DemoContext): one start and one demo load for the classes that read the demo
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { DemoContext.NAME, DemoContext.PASSWORD, DemoContext.LOGGING })
@org.springframework.context.annotation.Import(cn.wucheng.cq.support.TestClock.Config.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryMenuPageForEveryRoleTests {

	/** The demo is of last year: the test's today is fixed, so its year (2025) does not move with the wall clock. */
	static final java.time.LocalDate TODAY = DemoContext.TODAY;

	@Autowired
	cn.wucheng.cq.support.TestClock testClock;

	/**
	 * The page-level "no data" messages (their keys; the text is read from the messages so a reworded message is
	 * still found). Per-row states such as 未退卷 or 尚未填写 are data, not an empty page, and are not listed.
	 */
	static final List<String> EMPTY_STATES = List.of("admin.users.empty", "audit.empty", "calendar.emptyYear",
			"cases.list.empty", "casework.cases.none", "casework.list.noCases", "casework.opinions.none",
			"casework.reviews.none", "coverage.empty", "dashboard.empty", "deductionItems.empty",
			"evaluation.mine.empty", "evaluation.results.empty", "evaluation.rounds.empty", "evaluationItems.empty",
			"imports.history.none", "legalReview.list.empty", "legalReview.rates.empty", "person.list.empty",
			"publication.appeals.none", "publication.list.none", "recording.summary.empty", "reminders.none",
			"rollout.empty", "scoring.breakdown.empty", "scoring.rankings.empty", "scoring.scores.empty",
			"standards.list.empty", "supervision.files.empty", "supervision.meetings.empty",
			"supervision.tasks.empty", "training.plans.empty", "training.sessions.empty", "unit.list.empty",
			"region.none");

	/**
	 * Pages legitimately empty for a role, with the reason: role → path. Keep this short; each entry is a page a
	 * user of that role opens and finds nothing on, by the programme's design.
	 */
	static final Map<Role, Set<String>> LEGITIMATELY_EMPTY = Map.of(
			// 我的评查任务: evaluators are people (peer evaluators are the squads' 法制员, R-43); these users have no
			// person record, or (中队长, 执法人员) are not the ones the demo assigns
			Role.LEGAL, Set.of("/evaluations/mine"), Role.SUPERVISION, Set.of("/evaluations/mine"),
			Role.SQUAD_LEADER, Set.of("/evaluations/mine"), Role.OFFICER, Set.of("/evaluations/mine"),
			// 局领导 reads results: no reminder is his to act on (no due-item source serves LEADER), and he is no evaluator
			Role.LEADER, Set.of("/reminders", "/evaluations/mine"),
			// issue 16 item 3: the demo bureau belongs to no city, so a city account compares none (the province's do)
			Role.CITY_LEGAL, Set.of("/region"), Role.CITY_SUPERVISION, Set.of("/region"));

	static final Pattern MENU_LINK = Pattern.compile("<a class=\"(?:nav-link|dropdown-item)\" href=\"([^\"#]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoLoader loader;

	@Autowired
	MessageSource messages;

	long squad;

	long officer;

	@BeforeAll
	void loadTheDemo() {
		testClock.setToday(TODAY);
		long started = System.nanoTime();
		DemoLoader.Outcome outcome = DemoContext.loadOnce(loader);
		System.out.printf("demo load: %.1f s%n", (System.nanoTime() - started) / 1e9);
		assertThat(outcome.complete()).isTrue();
		// a 直属中队 with managed domains (not the unconfigured one) and the formal officer of it with most cases
		squad = jdbc.sql("""
				select u.id from unit u where u.type = 'DIRECT_SQUAD' and u.name <> :unconfigured
				order by u.name limit 1""")
			.param("unconfigured", DemoStates.UNCONFIGURED_SQUAD)
			.query(Long.class)
			.single();
		officer = jdbc.sql("""
				select p.id from person p left join case_file c on p.id in (c.lead_id, c.co_id)
				where p.unit_id = :squad and p.category = 'FORMAL' and p.post = 'MEMBER'
				group by p.id order by count(c.id) desc, p.id limit 1""")
			.param("squad", squad)
			.query(Long.class)
			.single();
	}

	@Test
	void everyRoleFindsEveryPageOfItsMenuFilledForItsDefaultPeriod() throws Exception {
		List<String> failures = new ArrayList<>();
		Map<String, String> emptyTexts = emptyTexts();
		for (Role role : Role.values()) {
			if (role == Role.INTEGRATION) {
				continue; // no page at all (HTTP Basic on the API only)
			}
			RequestPostProcessor user = userOf(role);
			Set<String> links = menuLinks(user);
			if (links.isEmpty()) {
				failures.add(role + ": the menu offers no page");
			}
			for (String link : links) {
				MockHttpServletResponse response = mvc.perform(get(link).with(user)).andReturn().getResponse();
				String location = response.getRedirectedUrl();
				if (response.getStatus() == 302 && location != null && location.startsWith("/")
						&& !location.startsWith("/login")) {
					// a squad's entry opens the squad's own page (/casework/squads → /casework/squads/{id})
					response = mvc.perform(get(location).with(user)).andReturn().getResponse();
				}
				String where = role + " " + link;
				if (response.getStatus() != 200) {
					failures.add(where + ": status " + response.getStatus());
					continue;
				}
				String html = response.getContentAsString(StandardCharsets.UTF_8);
				Matcher raw = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?").matcher(html);
				if (raw.find()) {
					failures.add(where + ": raw message key " + raw.group());
				}
				String text = text(html);
				Matcher nullText = Pattern.compile("(?<![\\w-])(null|NaN)(?![\\w-])").matcher(text);
				if (nullText.find()) {
					int at = nullText.start();
					failures.add(where + ": \"" + nullText.group() + "\" as text near \""
							+ text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)) + "\"");
				}
				if (LEGITIMATELY_EMPTY.getOrDefault(role, Set.of()).contains(link)) {
					continue;
				}
				String main = main(html);
				emptyTexts.forEach((key, shown) -> {
					if (main.contains(shown)) {
						failures.add(where + ": empty for its default period (" + key + " \"" + shown + "\")");
					}
				});
			}
		}
		failures.forEach(f -> System.out.println("EMPTY-PAGE-CHECK " + f));
		assertThat(failures).isEmpty();
	}

	/** The menu the role sees, read from its home page (the layout renders it once per role). */
	private Set<String> menuLinks(RequestPostProcessor user) throws Exception {
		MockHttpServletResponse home = mvc.perform(get("/").with(user)).andReturn().getResponse();
		if (home.getStatus() == 302 && String.valueOf(home.getRedirectedUrl()).startsWith("/")) {
			// a city's or the province's home is the comparison of bureaus (issue 16 item 3)
			home = mvc.perform(get(home.getRedirectedUrl()).with(user)).andReturn().getResponse();
		}
		String html = home.getContentAsString(StandardCharsets.UTF_8);
		int start = html.indexOf("navbar-nav me-auto");
		int end = html.indexOf("navbar-text", Math.max(start, 0));
		Set<String> links = new LinkedHashSet<>();
		if (start < 0 || end < 0) {
			return links;
		}
		Matcher m = MENU_LINK.matcher(html.substring(start, end));
		while (m.find()) {
			links.add(m.group(1).replace("&amp;", "&"));
		}
		return links;
	}

	private RequestPostProcessor userOf(Role role) {
		return switch (role) {
			case SQUAD_LEADER, LEGAL_OFFICER -> Users.as(role, squad, personOf(role));
			case OFFICER -> Users.as(role, squad, officer);
			default -> Users.as(role, null, null);
		};
	}

	/** The squad's 中队长 or 法制员 (by post), as the account of that role would be linked. */
	private Long personOf(Role role) {
		return jdbc.sql("select id from person where unit_id = :squad and post = :post order by id limit 1")
			.param("squad", squad)
			.param("post", role.name())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The text of each empty-state message up to its first argument (e.g. "{0} 年尚未录入…" → the part after). */
	private Map<String, String> emptyTexts() {
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		for (String key : EMPTY_STATES) {
			String message = messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
			String longest = "";
			for (String part : message.split("\\{\\d+\\}")) {
				if (part.length() > longest.length()) {
					longest = part;
				}
			}
			texts.put(key, longest.strip());
		}
		return texts;
	}

	private static String main(String html) {
		int start = html.indexOf("<main");
		int end = html.lastIndexOf("</main>");
		return start >= 0 && end > start ? html.substring(start, end) : html;
	}

	/** The visible text: scripts, styles and tags (with their attributes) removed. */
	private static String text(String html) {
		return html.replaceAll("(?is)<script.*?</script>", " ")
			.replaceAll("(?is)<style.*?</style>", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replaceAll("\\s+", " ");
	}

}
