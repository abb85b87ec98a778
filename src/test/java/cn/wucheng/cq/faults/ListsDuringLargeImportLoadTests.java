package cn.wucheng.cq.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.demo.BureauSpec;
import cn.wucheng.cq.demo.DemoBureau;
import cn.wucheng.cq.demo.DemoLoader;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.WebUser;

/**
 * Load run (tag {@code load}, not in every build): 40 signed-in users read the case list, scores and rankings (pages
 * and API) over real HTTP for {@code cq.load.seconds} (45) while one writer imports 20,000-case files through the API,
 * one after the other, on the default pool of ten connections and its 5 s connection timeout (issue 11: 40 readers and
 * imports for 45 s gave 13 errors, 20 timeouts and an import 500). Afterwards: no error, no timeout (a request over
 * {@link #REQUEST_TIMEOUT}), every import answered 200 and its cases are there. The figures go to
 * {@code target/lists-during-import.txt}.
 *
 * <pre>./mvnw -o test -Dtest=ListsDuringLargeImportLoadTests -Dcq.heavy.tags=none -Dcq.test.db=postgres [-Dcq.load.seconds=45]</pre>
 */
@Tag("load")
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=faults-lists-import",
				"CQ_LEGAL_PASSWORD=" + ListsDuringLargeImportLoadTests.PASSWORD,
				"spring.datasource.hikari.maximum-pool-size=10" })
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class ListsDuringLargeImportLoadTests {

	static final String PASSWORD = "Lists-During-Import-1";

	static final int READERS = 40;

	static final int CASES_PER_IMPORT = 20_000;

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	DemoLoader demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fortyReadersOfCasesScoresAndRankingsDuringA20000CaseImportGetNoErrorAndNoTimeout() throws Exception {
		int year = demo.load().year();
		String[] header = new String[1];
		List<String[]> templates = new ArrayList<>();
		for (String line : new String(DemoBureau.inMemory(BureauSpec.county().withYear(year)).get("cases"),
				StandardCharsets.UTF_8).split("\r?\n")) {
			if (header[0] == null) {
				header[0] = line;
				continue;
			}
			String[] c = line.split(",", -1);
			if (c.length == 11) {
				templates.add(c);
			}
		}
		List<String> reads = List.of("/cases", "/cases?page=3", "/cases?flagged=true", "/scores?period=" + year,
				"/rankings?period=" + year + "-Q2", "/api/v1/scores?period=" + year,
				"/api/v1/rankings?period=" + year + "-Q2", "/cases?sort=CONCLUDED_DESC");
		List<WebUser> users = new ArrayList<>();
		for (int u = 0; u < READERS; u++) {
			users.add(WebUser.signIn(port, "legal", PASSWORD, REQUEST_TIMEOUT));
		}
		long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();

		String loadBefore = loadAverage();
		long seconds = Long.getLong("cq.load.seconds", 45);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		List<String> timeouts = Collections.synchronizedList(new ArrayList<>());
		List<String> imports = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger created = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(READERS + 1);
		for (int u = 0; u < READERS; u++) {
			WebUser user = users.get(u);
			int first = u;
			new Thread(() -> {
				try {
					for (int i = first; System.nanoTime() < end; i++) {
						String path = reads.get(i % reads.size());
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> r = user.get(path);
							latencies.computeIfAbsent(path.replaceAll("\\?.*", "").replace("/api/v1/", "api "),
									k -> Collections.synchronizedList(new ArrayList<>()))
								.add((System.nanoTime() - t0) / 1_000_000);
							if (r.statusCode() != 200) {
								errors.add(path + " " + r.statusCode());
							}
						}
						catch (RuntimeException e) {
							(e.getCause() instanceof HttpTimeoutException ? timeouts : errors).add(path + " " + e);
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "reader-" + u).start();
		}
		new Thread(() -> {
			try {
				for (int k = 0; System.nanoTime() < end; k++) {
					String csv = bigFile(header[0], templates, k, year);
					long t0 = System.nanoTime();
					HttpResponse<String> r = upload(csv);
					long ms = (System.nanoTime() - t0) / 1_000_000;
					Matcher m = CREATED.matcher(r.body());
					int n = m.find() ? Integer.parseInt(m.group(1)) : -1;
					imports.add("import " + (k + 1) + ": " + r.statusCode() + ", " + n + " cases created in " + ms
							+ " ms");
					if (r.statusCode() != 200 || n != CASES_PER_IMPORT) {
						errors.add("import " + r.statusCode() + " " + r.body());
					}
					else {
						created.addAndGet(n);
					}
				}
			}
			catch (Exception e) {
				errors.add("import " + e);
			}
			finally {
				done.countDown();
			}
		}, "importer").start();
		done.await();

		StringBuilder report = new StringBuilder(String.format(
				"%d readers of cases, scores and rankings for %d s while %d-case files were imported, pool of 10, %d cores,"
						+ " load average before/after %s / %s%n",
				READERS, seconds, CASES_PER_IMPORT, Runtime.getRuntime().availableProcessors(), loadBefore,
				loadAverage()));
		long total = 0;
		for (var e : new TreeMap<>(latencies).entrySet()) {
			List<Long> ms = new ArrayList<>(e.getValue());
			Collections.sort(ms);
			total += ms.size();
			report.append(String.format("  %-14s %6d requests  p50 %5d ms  p99 %5d ms  max %5d ms%n", e.getKey(),
					ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, ms.size() * 0.99)),
					ms.get(ms.size() - 1)));
		}
		imports.forEach(i -> report.append("  ").append(i).append('\n'));
		report.append(String.format("  total %d reads (%.1f/s), %d errors, %d timeouts%n", total,
				total / (double) seconds, errors.size(), timeouts.size()));
		System.out.print(report);
		Files.writeString(Path.of("target", "lists-during-import.txt"), report);

		assertThat(errors).as("failed requests").isEmpty();
		assertThat(timeouts).as("requests over " + REQUEST_TIMEOUT).isEmpty();
		assertThat(imports).as("imports").isNotEmpty();
		assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single() - before)
			.isEqualTo(created.get());
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	/** The k-th file: the demo's cases again and again under new case and decision numbers. */
	private static String bigFile(String header, List<String[]> templates, int k, int year) {
		StringBuilder csv = new StringBuilder(header).append('\n');
		for (int n = 0; n < CASES_PER_IMPORT; n++) {
			String[] c = templates.get(n % templates.size()).clone();
			int number = 1_000_000 + k * CASES_PER_IMPORT + n;
			c[0] = "BIG-" + year + "-" + number;
			c[1] = "金婺综执罚决字〔" + year + "〕第" + number + "号";
			c[10] = "";
			csv.append(String.join(",", c)).append('\n');
		}
		return csv.toString();
	}

	private HttpResponse<String> upload(String csv) throws IOException, InterruptedException {
		String boundary = "----cqbig" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String auth = "Basic " + Base64.getEncoder().encodeToString(("legal:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/cases"))
				.header("Authorization", auth)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofMinutes(5))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
