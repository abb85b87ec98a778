package cn.wucheng.cq.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.WebUser;

/**
 * When the database cannot serve — every pooled connection taken, here the only one of a pool of one, held by the
 * test — a request waits no longer than the pool's connection timeout and answers 503 "系统繁忙" with
 * {@code Retry-After}: a page, an API call (signed in, or by HTTP Basic, which itself needs the database to check the
 * password) and the login form with a correct password — never a hang, never "用户名或密码错误" or 401 (issue 11). Once
 * the connection is free again the same sign-in succeeds.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=faults-busy", "CQ_LEGAL_PASSWORD=" + DatabaseBusyTests.PASSWORD,
				"spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.minimum-idle=1",
				"spring.datasource.hikari.connection-timeout=" + DatabaseBusyTests.TIMEOUT_MS,
				// Flyway needs more than one connection at start: it gets its own, outside the pool under test
				"spring.flyway.url=${spring.datasource.url}", "spring.flyway.user=${spring.datasource.username}",
				"spring.flyway.password=${spring.datasource.password}" })
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class DatabaseBusyTests {

	static final String PASSWORD = "Busy-Database-Test-1";

	static final long TIMEOUT_MS = 1000;

	/** The pool's timeout and some seconds to answer: a request that hung would run into the client's timeout. */
	static final Duration BOUND = Duration.ofMillis(TIMEOUT_MS + 4000);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private Connection taken;

	private WebUser legal;

	@BeforeEach
	void signedInThenThePoolTaken() throws Exception {
		legal = WebUser.signIn(port, "legal", PASSWORD);
		taken = dataSource.getConnection();
	}

	@AfterEach
	void release() throws Exception {
		if (taken != null) {
			taken.close();
		}
	}

	@Test
	void aPageAnswers503SayingTheSystemIsBusyWithRetryAfter() {
		long t0 = System.nanoTime();
		HttpResponse<String> page = legal.get("/cases");

		assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(BOUND);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
		assertThat(page.body()).contains("系统繁忙").contains("返回首页").doesNotContain("Exception");
	}

	@Test
	void anApiCallAnswers503WithAChineseMessageAndRetryAfter() {
		HttpResponse<String> api = legal.get("/api/v1/scores?period=2024");

		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).isPresent();
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(api.body()).contains("\"errors\"").contains("系统繁忙");
	}

	@Test
	void anApiCallWithHttpBasicAnswers503NotAChallenge() throws Exception {
		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/scores?period=2024"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("legal:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.timeout(BOUND)
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(api.headers().firstValue("Retry-After")).isPresent();
		assertThat(api.body()).contains("系统繁忙");
	}

	@Test
	void signInWithTheRightPasswordAnswers503NotWrongPasswordAndSucceedsOnceTheDatabaseServes() throws Exception {
		WebUser visitor = WebUser.anonymous(port, BOUND);
		HttpResponse<String> busy = visitor.submitLogin("legal", PASSWORD);

		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Location")).isEmpty();
		assertThat(busy.headers().firstValue("Retry-After")).isPresent();
		assertThat(busy.body()).contains("系统繁忙").doesNotContain("用户名或密码错误");

		taken.close();
		taken = null;
		HttpResponse<String> again = visitor.submitLogin("legal", PASSWORD);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

}
