package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * The role × endpoint matrix (访问控制, ASVS V8): every row of every {@code security/matrix/*.csv} (one file per
 * branch, header {@code method,path,ADMIN,…,OFFICER,INTEGRATION}, {@code Y}/{@code N}; lines starting with {@code #} are
 * comments) is called as each of the ten roles and anonymously.
 * <ul>
 * <li>{@code N}: 403 — the role check refuses;</li>
 * <li>{@code Y}: past the role check — neither 401 nor 403 nor a redirect to the login page (200, 302, 400, 404 …;
 * path variables are a non-existent id or a sample value, so most single-record rows answer 404; {@link #PARAMS}
 * fill required parameters), and no 5xx;</li>
 * <li>anonymous: pages redirect to the login page, {@code /api/**} answers 401; only {@link #PUBLIC} pages answer.</li>
 * </ul>
 * Plus completeness: every handler mapping of the application is in exactly one row, and every row is a mapping.
 * <p>
 * The matrix has its own context ({@code cq.test.context=matrix}, its own database) because the allowed roles really
 * run the handlers: e.g. {@code POST /admin/users/provision} opens accounts for the fixture's people. The one drastic
 * row, {@code POST /demo/load}, is harmless here because the fixture holds a case: {@code DemoLoader} refuses to load
 * over existing data (the role still passes: a redirect with an error message). State changes carry a CSRF token.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cq.test.context=matrix")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class RoleMatrixTests {

	static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.LEGAL,
			Role.SUPERVISION, Role.LEADER, Role.SQUAD_LEADER, Role.LEGAL_OFFICER, Role.OFFICER, Role.INTEGRATION);

	/**
	 * The city's and the province's roles (issue 16 item 3). A file may state them as four more columns
	 * ({@link #REGIONAL_HEADER}); a file with the ten columns only leaves them at the default: let through where every
	 * role that signs in to pages is (the home page, one's password, messages), refused everywhere else — they read
	 * the comparison of bureaus and no bureau's page.
	 */
	static final List<Role> REGIONAL = List.of(Role.CITY_LEGAL, Role.CITY_SUPERVISION, Role.PROVINCE_LEGAL,
			Role.PROVINCE_SUPERVISION);

	static final List<Role> ALL_COLUMNS = java.util.stream.Stream.concat(COLUMNS.stream(), REGIONAL.stream()).toList();

	static final String HEADER = "method,path,"
			+ String.join(",", COLUMNS.stream().map(Role::name).toList());

	static final String REGIONAL_HEADER = HEADER + ","
			+ String.join(",", REGIONAL.stream().map(Role::name).toList());

	/** Rows anonymous users may call (SecurityConfig permits them). */
	static final Set<String> PUBLIC = Set.of("GET /login");

	/** Sample values of path variables by name; any other variable gets an id that does not exist. */
	static final Map<String, String> SAMPLES = Map.of("kind", "units", "name", "NO_SUCH_SETTING", "employeeNo",
			"NO-SUCH-NO", "caseNo", "NO-SUCH-CASE");

	static final String MISSING_ID = "987654321";

	/**
	 * Request parameters sent with every call: a handler's required parameters are bound before its
	 * {@code @PreAuthorize} runs, so without them a refused role would see 400 instead of 403.
	 */
	static final Map<String, String> PARAMS = Map.of("kind", "units", "unitId", MISSING_ID, "year", "2024", "plan",
			MISSING_ID, "item", "1", "caseId", MISSING_ID, "caseNo", "NO-SUCH-CASE", "period", "2024-Q1");

	/** Parameters of one endpoint that differ from {@link #PARAMS} (e.g. {@code kind} bound to another enum). */
	static final Map<String, Map<String, String>> PARAMS_OF = Map.of("GET /evaluations/results",
			Map.of("kind", "PEER_REVIEW"));

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	/** One row of a matrix file. */
	record Row(String file, int line, String method, String path, Map<Role, Boolean> allowed) {

		String key() {
			return method + " " + path;
		}

		@Override
		public String toString() {
			return key() + " (" + file + ":" + line + ")";
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	private static Long unitId;

	private static Long personId;

	@BeforeEach
	void fixture() {
		if (unitId != null) {
			return;
		}
		Bureau bureau = new Bureau(jdbc);
		unitId = bureau.unit("矩阵中队", "直属中队");
		personId = bureau.officer("MX001", "矩阵甲", unitId);
		long co = bureau.officer("MX002", "矩阵乙", unitId);
		// A case makes the system non-empty: POST /demo/load then refuses instead of importing a county.
		bureau.concludedCase("MX-CASE-1", "简易程序", unitId, personId, co, LocalDate.of(2024, 2, 1));
	}

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:security/matrix/*.csv");
			for (Resource file : files) {
				rows.addAll(read(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	static List<Row> read(String file, String text) {
		List<Row> rows = new ArrayList<>();
		String[] lines = text.replace("\uFEFF", "").split("\\R");
		if (lines.length == 0 || !lines[0].strip().equals(HEADER) && !lines[0].strip().equals(REGIONAL_HEADER)) {
			throw new IllegalStateException(file + ": the first line must be " + HEADER + " or " + REGIONAL_HEADER);
		}
		List<Role> columns = lines[0].strip().equals(HEADER) ? COLUMNS : ALL_COLUMNS;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split(",", -1);
			if (cells.length != 2 + columns.size()) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": expected " + (2 + columns.size())
						+ " cells, found " + cells.length + ": " + line);
			}
			Map<Role, Boolean> allowed = new EnumMap<>(Role.class);
			for (int c = 0; c < columns.size(); c++) {
				String yn = cells[2 + c].strip();
				if (!yn.equals("Y") && !yn.equals("N")) {
					throw new IllegalStateException(file + ":" + (i + 1) + ": " + columns.get(c) + " is '" + yn
							+ "', must be Y or N");
				}
				allowed.put(columns.get(c), yn.equals("Y"));
			}
			if (columns == COLUMNS) {
				boolean everyPageRole = COLUMNS.stream().filter(r -> r != Role.INTEGRATION).allMatch(allowed::get);
				REGIONAL.forEach(r -> allowed.put(r, everyPageRole));
			}
			rows.add(new Row(file, i + 1, cells[0].strip().toUpperCase(), normalise(cells[1].strip()), allowed));
		}
		return rows;
	}

	/** {@code /cases/{id:\d+}} and {@code /cases/{id}} are the same row. */
	static String normalise(String path) {
		return VARIABLE.matcher(path).replaceAll("{$1}");
	}

	static String concrete(String path) {
		Matcher m = VARIABLE.matcher(path);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(SAMPLES.getOrDefault(m.group(1), MISSING_ID)));
		}
		m.appendTail(out);
		return out.toString();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void eachRoleIsRefusedOrLetThroughAsTheMatrixSays(Row row) throws Exception {
		String path = concrete(row.path());
		List<String> wrong = new ArrayList<>();
		for (Role role : ALL_COLUMNS) {
			MockHttpServletResponse response = perform(row, path, role);
			int status = response.getStatus();
			String redirect = response.getRedirectedUrl();
			if (row.allowed().get(role)) {
				boolean toLogin = redirect != null && redirect.endsWith("/login");
				if (status == 401 || status == 403 || toLogin || status >= 500) {
					wrong.add(role + " should pass the role check but got " + status
							+ (redirect == null ? "" : " → " + redirect));
				}
			}
			else if (status != 403) {
				wrong.add(role + " should get 403 but got " + status + (redirect == null ? "" : " → " + redirect));
			}
		}
		MockHttpServletResponse anonymous = perform(row, path, null);
		if (PUBLIC.contains(row.key())) {
			if (anonymous.getStatus() != 200) {
				wrong.add("anonymous should see the public page but got " + anonymous.getStatus());
			}
		}
		else if (row.path().startsWith("/api/")) {
			if (anonymous.getStatus() != 401) {
				wrong.add("anonymous should get 401 but got " + anonymous.getStatus());
			}
		}
		else if (anonymous.getStatus() != 302 || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/login")) {
			wrong.add("anonymous should be sent to the login page but got " + anonymous.getStatus() + " → "
					+ anonymous.getRedirectedUrl());
		}
		assertThat(wrong).as(row.toString()).isEmpty();
	}

	@Test
	void everyEndpointOfTheApplicationIsInExactlyOneRowAndEveryRowIsAnEndpoint() {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getName().startsWith("cn.wucheng.cq.")) {
				continue; // the libraries' endpoints: see EveryEndpointIsGuardedTests.LIBRARY
			}
			Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
			for (String pattern : e.getKey().getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add("ANY " + normalise(pattern));
				}
				for (RequestMethod method : methods) {
					endpoints.add(method.name() + " " + normalise(pattern));
				}
			}
		}
		Map<String, List<Row>> byKey = new LinkedHashMap<>();
		for (Row row : rows()) {
			byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
		}
		assertThat(endpoints).as("the registry lists the application's endpoints").hasSizeGreaterThan(50);
		assertThat(endpoints.stream().filter(k -> !byKey.containsKey(k)).toList())
			.as("endpoints in no security/matrix/*.csv row (add a row with the roles allowed)")
			.isEmpty();
		assertThat(byKey.keySet().stream().filter(k -> !endpoints.contains(k)).toList())
			.as("stale rows: no such endpoint (remove or correct them)")
			.isEmpty();
		assertThat(byKey.values().stream().filter(r -> r.size() > 1).map(Object::toString).toList())
			.as("endpoints listed twice (keep one row)")
			.isEmpty();
	}

	/**
	 * Issue 16: the one thing a regional role writes besides its own account — the province's legal office (省厅法制处)
	 * opens bureaus and renames them (执法局管理): the bureaus are the province's, not any bureau's, so no bureau's
	 * administrator could. Only these rows, only for that role.
	 */
	static final Map<Role, Set<String>> REGIONAL_BUREAU_ADMINISTRATION = Map.of(Role.PROVINCE_LEGAL,
			Set.of("POST /region/bureaus/manage", "POST /region/bureaus/manage/{id}", "POST /api/v1/bureaus"));

	/**
	 * Issue 16 item 3: the city's and the province's legal offices (市局/省厅法制处, not 督查) import the lists of the
	 * bureaus in their scope: a province's file split by its 所属执法局 column, or one named bureau's list. Exactly
	 * those two endpoints.
	 */
	static final Set<String> REGIONAL_LEGAL_IMPORTS = Set.of("POST /api/v1/imports/{kind}", "POST /region/imports");

	/**
	 * Issue 16 item 3: the city's and the province's roles read; they change nothing but their own account's state,
	 * the bureau administration above and their legal offices' imports.
	 */
	@Test
	void theCitysAndTheProvincesRolesWriteNothingButTheirOwnPasswordSecondFactorAndMessagesAndTheirLegalOfficesImports() {
		for (Role role : REGIONAL) {
			Set<String> administration = REGIONAL_BUREAU_ADMINISTRATION.getOrDefault(role, Set.of());
			List<String> writes = rows().stream()
				.filter(r -> !r.method().equals("GET") && r.allowed().get(role))
				.map(Row::key)
				.filter(w -> !administration.contains(w))
				.toList();
			boolean legal = role == Role.CITY_LEGAL || role == Role.PROVINCE_LEGAL;
			assertThat(writes).as(role.name()).isNotEmpty()
				.allMatch(w -> w.contains(" /account/") || w.contains(" /messages")
						|| legal && REGIONAL_LEGAL_IMPORTS.contains(w), "own account, messages or (legal) imports");
			if (legal) {
				assertThat(writes).as(role.name()).containsAll(REGIONAL_LEGAL_IMPORTS);
			}
			assertThat(rows().stream().map(Row::key).filter(administration::contains).toList())
				.as(role.name() + ": the bureau administration rows exist").hasSameSizeAs(administration);
		}
	}

	@Test
	void aMalformedMatrixFileIsRefusedRatherThanReadAsAllowed() {
		String header = HEADER + "\n";
		assertThat(read("ok.csv", header + "# comment\nget,/cases/{id:\\d+},N,N,N,Y,Y,Y,Y,Y,Y,N\n"))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.key()).isEqualTo("GET /cases/{id}");
				assertThat(r.allowed().get(Role.ADMIN)).isFalse();
				assertThat(r.allowed().get(Role.OFFICER)).isTrue();
			});
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> read("bad.csv", header + "GET,/cases,N,N,N,Y,Y,Y,Y,Y,Y,yes\n"))
			.hasMessageContaining("must be Y or N");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("short.csv", header + "GET,/cases,N,N\n"))
			.hasMessageContaining("expected 12 cells");
		assertThat(read("old.csv", header + "GET,/,Y,Y,Y,Y,Y,Y,Y,Y,Y,N\nGET,/dashboard,N,N,N,Y,Y,Y,N,N,N,N\n"))
			.as("a file of ten columns: the city's and province's roles pass where every page role does, else not")
			.satisfiesExactly(r -> assertThat(r.allowed().get(Role.CITY_LEGAL)).isTrue(),
					r -> assertThat(r.allowed().get(Role.PROVINCE_SUPERVISION)).isFalse());
		assertThat(read("region.csv", REGIONAL_HEADER + "\nGET,/region,N,N,N,N,N,N,N,N,N,N,Y,Y,Y,N\n"))
			.singleElement()
			.satisfies(r -> assertThat(r.allowed().get(Role.PROVINCE_LEGAL)).isTrue())
			.satisfies(r -> assertThat(r.allowed().get(Role.PROVINCE_SUPERVISION)).isFalse());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("noheader.csv", "GET,/cases\n"))
			.hasMessageContaining("first line");
		assertThat(concrete("/training/plans/{id}/items/{itemNo}")).isEqualTo("/training/plans/987654321/items/987654321");
		assertThat(concrete("/api/v1/imports/{kind}")).isEqualTo("/api/v1/imports/units");
	}

	private MockHttpServletResponse perform(Row row, String path, Role role) throws Exception {
		String method = row.method();
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
		Map<String, String> params = new java.util.HashMap<>(PARAMS);
		params.putAll(PARAMS_OF.getOrDefault(row.key(), Map.of()));
		params.forEach(request::param);
		if (!method.equals("GET") && !method.equals("HEAD")) {
			request.with(csrf());
		}
		if (role != null) {
			request.with(user(role));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor user(Role role) {
		return switch (role.scope()) {
			case NONE, ALL -> Users.as(role, null, null);
			case UNIT -> Users.as(role, unitId, null);
			case SELF -> Users.as(role, unitId, personId);
		};
	}

}
