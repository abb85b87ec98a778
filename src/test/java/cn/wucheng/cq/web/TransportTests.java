package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Transport (等保 身份鉴别 c / 数据完整性 / 数据保密性 in transfer; ASVS V12, V14): the application sits behind a
 * reverse proxy that terminates TLS and says so with {@code X-Forwarded-Proto: https}. Over TLS every answer carries
 * HSTS and the session cookie is {@code Secure} (plus {@code HttpOnly}, {@code SameSite=Lax} always); over plain HTTP
 * (local use, tests) neither, so nothing breaks. Data pages, API answers and exports are never cached.
 * <p>
 * Runs a real server on a random port (Tomcat's {@code RemoteIpValve}, {@code server.forward-headers-strategy=native},
 * trusts the forwarded headers only from internal proxy addresses such as 127.0.0.1), in the matrix context.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cq.test.context=matrix")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class TransportTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aRequestMarkedSecureGetsHstsAndAPlainOneDoesNot() throws Exception {
		MockHttpServletResponse secure = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
		assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=31536000")
			.contains("includeSubDomains");
		MockHttpServletResponse signedIn = mvc.perform(get("/").secure(true).with(Users.leader()))
			.andReturn()
			.getResponse();
		assertThat(signedIn.getHeader("Strict-Transport-Security")).contains("max-age=31536000");

		MockHttpServletResponse plain = mvc.perform(get("/login")).andReturn().getResponse();
		assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
	}

	@Test
	void behindTheProxyXForwardedProtoHttpsMakesTheSessionCookieSecureAndAddsHsts() throws Exception {
		HttpResponse<String> viaTls = login(Map.of("X-Forwarded-Proto", "https"));
		assertThat(viaTls.statusCode()).isEqualTo(200);
		assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).get()
			.asString()
			.contains("max-age=31536000");
		assertThat(sessionCookie(viaTls)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

		HttpResponse<String> plain = login(Map.of());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(plain)).doesNotContain("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void anAnonymousRedirectBehindTheProxyStaysOnTheProxysSchemeAndHost() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cases"))
			.header("X-Forwarded-Proto", "https")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).as("relative, or https — never downgraded to http").satisfiesAnyOf(
				l -> assertThat(l).startsWith("/login"), l -> assertThat(l).startsWith("https://"));
	}

	@Test
	void dataPagesApiAnswersAndExportsAreNotCached() throws Exception {
		Bureau bureau = new Bureau(jdbc);
		long unit = bureau.unit("传输中队", "一类中队");
		long lead = bureau.officer("TR001", "传输甲", unit);
		long co = bureau.officer("TR002", "传输乙", unit);
		long caseId = bureau.concludedCase("TR-CASE-1", "简易程序", unit, lead, co, LocalDate.of(2024, 2, 1));
		Map<String, RequestPostProcessor> urls = Map.of("/cases/" + caseId, Users.legalSection(), "/people/" + lead,
				Users.legalSection(), "/scores/TR001?period=2024-Q1", Users.legalSection(),
				"/api/v1/scores?period=2024-Q1", Users.legalSection(), "/rankings/export?period=2024-Q1",
				Users.legalSection(), "/standards/export?period=2024-Q1", Users.legalSection(),
				"/training/hours/export?year=2024", Users.legalSection(), "/audit/export.xlsx",
				Users.as(cn.wucheng.cq.security.Role.AUDIT_ADMIN, null, null));
		for (Map.Entry<String, RequestPostProcessor> e : urls.entrySet()) {
			MockHttpServletResponse response = mvc.perform(get(e.getKey()).with(e.getValue())).andReturn().getResponse();
			assertThat(response.getStatus()).as(e.getKey()).isEqualTo(200);
			assertThat(response.getHeader("Cache-Control")).as(e.getKey()).contains("no-store");
		}
	}

	private HttpResponse<String> login(Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

}
