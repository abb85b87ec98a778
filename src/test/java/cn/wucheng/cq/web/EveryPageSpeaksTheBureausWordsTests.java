package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.demo.DemoContext;
import cn.wucheng.cq.demo.DemoLoader;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 4, words of the bureau, not of the code: on the demo bureau, every page of each role's menu — and the
 * first records those pages link to — shows no rule id, no "RULES.md", no setting key, enum name or audit code
 * (UPPER_SNAKE_CASE), no Java exception name and no missing message (??key??) in what a user reads: the text, and the
 * placeholder, title, alt and aria-label attributes. The rule id is allowed in one place only: the title tooltip the
 * legal section (法制科) gets on a programme reference. The demo's shared context ({@link DemoContext}): the demo
 * is loaded once for the classes that read it.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { DemoContext.NAME, DemoContext.PASSWORD, DemoContext.LOGGING })
@org.springframework.context.annotation.Import(cn.wucheng.cq.support.TestClock.Config.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageSpeaksTheBureausWordsTests {

	/** The demo is of last year: the test's today is fixed, so its year (2025) does not move with the wall clock. */
	static final java.time.LocalDate TODAY = DemoContext.TODAY;

	@Autowired
	cn.wucheng.cq.support.TestClock testClock;

	static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

	/** The menu's links: inside the navigation bar, our own pages only. */
	static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)");

	/** A record a list page links to: /cases/123, /casework/squads/4, /scores/people/56… */
	static final Pattern RECORD_LINK = Pattern.compile("href=\"(/[a-z-]+(?:/[a-z-]+)?/\\d+[^\"#?]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	DemoLoader loader;

	@Autowired
	TransactionTemplate transactions;

	Map<String, RequestPostProcessor> roles = new LinkedHashMap<>();

	@BeforeAll
	void theDemoBureauWithEveryRoleSignedIn() throws Exception {
		testClock.setToday(TODAY);
		// POST /demo/load itself is DemoLoaderTests' subject; here the demo is only the bureau the pages show
		assertThat(DemoContext.loadOnce(loader).complete()).isTrue();
		long squad = jdbc.sql("""
				select u.id from unit u where u.type = 'DIRECT_SQUAD'
				order by (select count(*) from case_file c where c.unit_id = u.id) desc, u.id limit 1""")
			.query(Long.class)
			.single();
		long officer = jdbc.sql("""
				select p.id from person p where p.unit_id = ? and p.category = 'FORMAL'
				order by (select count(*) from case_file c where c.lead_id = p.id) desc, p.id limit 1""")
			.param(squad)
			.query(Long.class)
			.single();
		// what the audit administrator reads for a locked account's sign-in and a rule's note
		transactions.executeWithoutResult(tx -> {
			audit.recordAs("words-locked", "LOGIN_FAILURE", "app_user", "words-locked", "LockedException");
			audit.record("SETTING_CHANGED", "setting", "FIXED_HANDLER_SHARE", "R-13", "0.40", "0.5");
		});
		roles.put("法制科", as(Role.LEGAL, null, null));
		roles.put("督查科", as(Role.SUPERVISION, null, null));
		roles.put("局领导", as(Role.LEADER, null, null));
		roles.put("中队长", as(Role.SQUAD_LEADER, squad, null));
		roles.put("法制员", as(Role.LEGAL_OFFICER, squad, null));
		roles.put("执法人员", as(Role.OFFICER, squad, officer));
		roles.put("系统管理员", as(Role.ADMIN, null, null));
		roles.put("安全管理员", as(Role.SECURITY_ADMIN, null, null));
		roles.put("审计管理员", as(Role.AUDIT_ADMIN, null, null));
	}

	@Test
	void noPageOfAnyRoleShowsARuleIdACodeAnExceptionNameOrAMissingMessage() throws Exception {
		List<String> problems = new ArrayList<>();
		int pages = 0;
		for (Map.Entry<String, RequestPostProcessor> role : roles.entrySet()) {
			boolean legal = role.getKey().equals("法制科");
			Set<String> menu = menu(html("/", role.getValue()));
			assertThat(menu).as(role.getKey() + "'s menu").isNotEmpty();
			Set<String> visited = new LinkedHashSet<>();
			for (String url : menu) {
				String html = visit(url, role, legal, visited, problems);
				if (html == null) {
					continue;
				}
				// the first two records each list links to (a case, a squad, a person's breakdown…)
				RECORD_LINK.matcher(html).results().map(r -> r.group(1)).distinct().limit(2)
					.forEach(record -> visit(record, role, legal, visited, problems));
			}
			pages += visited.size();
		}
		assertThat(pages).as("pages read").isGreaterThan(100);
		assertThat(problems).as("the bureau's words instead (messages-rules.properties: the programme's references)")
			.isEmpty();
	}

	@Test
	void theLegalSectionFindsTheRuleIdAsATooltipOnTheProgrammesReference() throws Exception {
		String legal = html("/settings", Users.legalSection());
		assertThat(legal).contains("title=\"R-13\"", "实施方案 四（二）（中队不得固定专人办理案件）", "本局默认做法（方案未作规定）",
				"附件1 积分制 第三条：直属中队排名前10%");
		String admin = html("/settings", Users.admin());
		assertThat(admin).contains("实施方案 四（二）（中队不得固定专人办理案件）").doesNotContain("R-13", "FIXED_HANDLER_SHARE\"<");
	}

	@Test
	void theAuditLogReadsInChinese() throws Exception {
		String html = html("/audit?username=words-locked", as(Role.AUDIT_ADMIN, null, null));
		assertThat(html).contains("登录失败", "账号已锁定").doesNotContain(">LOGIN_FAILURE<", "LockedException");
		String setting = html("/audit?action=SETTING_CHANGED", as(Role.AUDIT_ADMIN, null, null));
		assertThat(setting).contains("修改规则参数", "规则参数", "实施方案 四（二）（中队不得固定专人办理案件）",
				"固定专人办案预警：一人承办案件占中队案件的比例上限")
			.doesNotContain(">SETTING_CHANGED<", ">R-13<", ">FIXED_HANDLER_SHARE<");
	}

	/** Reads one page and notes what a user should not read there; null when it is not a page. */
	private String visit(String url, Map.Entry<String, RequestPostProcessor> role, boolean legal, Set<String> visited,
			List<String> problems) {
		if (!visited.add(url)) {
			return null;
		}
		try {
			MvcResult result = mvc.perform(get(url).with(role.getValue())).andReturn();
			int status = result.getResponse().getStatus();
			String type = String.valueOf(result.getResponse().getContentType());
			// whether each page opens (with data) is another test's business (issue 13 item 1): here, its words
			if (status != 200 || !type.startsWith("text/html")) {
				return null;
			}
			String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			for (String words : readable(html, legal)) {
				List<String> found = new ArrayList<>(MessagesSpeakTheBureausWordsTests.codeWords(words));
				MISSING_MESSAGE.matcher(words).results().forEach(r -> found.add(r.group()));
				for (String f : found) {
					problems.add(role.getKey() + " " + url + ": " + f + " in \"" + cut(words) + "\"");
				}
			}
			return html;
		}
		catch (Exception e) {
			problems.add(role.getKey() + " " + url + ": " + e);
			return null;
		}
	}

	/**
	 * A signed-in user of the role, named in Chinese like every real account (Users.as names him after the role's
	 * code, which the navigation bar would show).
	 */
	static RequestPostProcessor as(Role role, Long unitId, Long personId) {
		CurrentUser user = new CurrentUser(950L + role.ordinal(), "words-" + role.ordinal(), "核对用户", role, unitId,
				personId);
		AccountPrincipal principal = AccountPrincipal.active(user);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	private String html(String url, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The links of the navigation bar (menu, account pages), without the home page itself. */
	static Set<String> menu(String html) {
		int start = html.indexOf("id=\"mainNav\"");
		int end = html.indexOf("</nav>", start);
		Set<String> links = new LinkedHashSet<>();
		if (start < 0 || end < 0) {
			return links;
		}
		Matcher m = LINK.matcher(html.substring(start, end));
		while (m.find()) {
			if (!m.group(1).equals("/")) {
				links.add(m.group(1));
			}
		}
		return links;
	}

	/**
	 * What a user reads on a rendered page: each text (script and style bodies aside) and each placeholder, title, alt,
	 * aria-label and button value — a title only when the reader is not the legal section, whose tooltips carry the
	 * rule id on purpose.
	 */
	static List<String> readable(String html, boolean legal) throws ParseException {
		List<String> out = new ArrayList<>();
		Set<String> attributes = legal ? Set.of("placeholder", "alt", "aria-label")
				: Set.of("placeholder", "title", "alt", "aria-label");
		new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, new AbstractMarkupHandler() {

			private final List<String> open = new ArrayList<>();

			private String element;

			/** The attributes of the element being opened: read when it is complete (type may follow value). */
			private final Map<String, String> attributesOf = new LinkedHashMap<>();

			@Override
			public void handleOpenElementStart(char[] b, int o, int l, int line, int col) {
				element = new String(b, o, l).toLowerCase();
				attributesOf.clear();
				open.add(element);
			}

			@Override
			public void handleStandaloneElementStart(char[] b, int o, int l, boolean minimized, int line, int col) {
				element = new String(b, o, l).toLowerCase();
				attributesOf.clear();
			}

			@Override
			public void handleOpenElementEnd(char[] b, int o, int l, int line, int col) {
				read();
			}

			@Override
			public void handleStandaloneElementEnd(char[] b, int o, int l, boolean minimized, int line, int col) {
				read();
			}

			private void read() {
				attributesOf.forEach((name, value) -> {
					if (attributes.contains(name)) {
						out.add(value);
					}
				});
				String type = attributesOf.getOrDefault("type", "");
				if ("input".equals(element) && Set.of("submit", "button", "reset").contains(type.toLowerCase())) {
					out.add(attributesOf.getOrDefault("value", ""));
				}
			}

			@Override
			public void handleCloseElementStart(char[] b, int o, int l, int line, int col) {
				String name = new String(b, o, l).toLowerCase();
				int at = open.lastIndexOf(name);
				if (at >= 0) {
					open.subList(at, open.size()).clear();
				}
			}

			@Override
			public void handleAttribute(char[] b, int nameOffset, int nameLen, int nameLine, int nameCol,
					int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
					int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
				attributesOf.put(new String(b, nameOffset, nameLen).toLowerCase(),
						new String(b, valueContentOffset, valueContentLen));
			}

			@Override
			public void handleText(char[] b, int o, int l, int line, int col) {
				if (!open.contains("script") && !open.contains("style")) {
					String text = new String(b, o, l).strip();
					if (!text.isEmpty()) {
						out.add(text);
					}
				}
			}

		});
		return out;
	}

	private static String cut(String s) {
		String one = s.replaceAll("\\s+", " ");
		return one.length() > 120 ? one.substring(0, 120) + "…" : one;
	}

}
