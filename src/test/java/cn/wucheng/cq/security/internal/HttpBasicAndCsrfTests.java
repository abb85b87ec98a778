package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * HTTP Basic is for scripts on {@code /api/**} only, and it is the only thing that skips the CSRF check: a call with a
 * session (a cookie) is checked whatever its Authorization header says; Basic on a page route signs nobody in; Basic
 * on the API creates no session. Against a real server (cookies and {@code Set-Cookie} as a browser sees them), in
 * the context {@code TransportTests} starts.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cq.test.context=matrix")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class HttpBasicAndCsrfTests {

	private static final String USER = "basic-csrf";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void account() {
		if (jdbc.sql("select count(*) from app_user where username = ?").param(USER).query(Integer.class).single() == 0) {
			new TestAccounts(jdbc, encoder).create(USER, LoginTests.PASSWORD, Role.LEGAL, false);
		}
	}

	@Test
	void aSessionCookieWithABearerHeaderStillNeedsTheCsrfToken() throws Exception {
		String cookie = signIn();
		assertThat(importDomains(List.of("Cookie", cookie, "Authorization", "Bearer junk")).statusCode())
			.isEqualTo(403);
		// the same session without any Authorization header: the check that was skipped
		assertThat(importDomains(List.of("Cookie", cookie)).statusCode()).isEqualTo(403);
	}

	@Test
	void aSessionCookieWithBasicCredentialsStillNeedsTheCsrfToken() throws Exception {
		String cookie = signIn();
		assertThat(importDomains(List.of("Cookie", cookie, "Authorization", basic())).statusCode()).isEqualTo(403);
		// a cookie naming no live session is still a cookie: checked too (and, with no one signed in when the check
		// fails, answered as "sign in")
		assertThat(importDomains(List.of("Cookie", "JSESSIONID=0123456789ABCDEF", "Authorization", basic())).statusCode())
			.isEqualTo(401);
	}

	@Test
	void basicCredentialsWithoutASessionImportWithoutACsrfTokenAndGetNoSession() throws Exception {
		HttpResponse<String> response = importDomains(List.of("Authorization", basic()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"kind\":\"domains\"");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
	}

	@Test
	void anApiReadWithBasicCredentialsAnswersAndCreatesNoSession() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/scores?period=2024-Q1"))
			.header("Authorization", basic())
			.GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
	}

	@Test
	void basicCredentialsOnAPageSignNobodyInAndCreateNoSession() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cases")).header("Authorization", basic()).GET());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
		// and no challenge a browser would answer with a password dialog
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	/** Form login as a browser does it; answers the {@code JSESSIONID=…} cookie of the signed-in session. */
	private String signIn() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		String cookie = sessionCookie(page);
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("CSRF token on the login page").isTrue();
		String form = "username=" + USER + "&password=" + URLEncoder.encode(LoginTests.PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");
		String signedIn = sessionCookie(login); // the id changes at login
		assertThat(send(HttpRequest.newBuilder(uri("/cases")).header("Cookie", signedIn).GET()).statusCode())
			.as("signed in").isEqualTo(200);
		return signedIn;
	}

	/** The example bureau's domains (the migrations hold them already: nothing changes) as a multipart upload. */
	private HttpResponse<String> importDomains(List<String> headers) throws Exception {
		String boundary = "----cq" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"domains.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] file;
		try (InputStream in = getClass().getResourceAsStream("/examples/small/domains.csv")) {
			file = in.readAllBytes();
		}
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/imports/domains"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((USER + ":" + LoginTests.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
	}

}
