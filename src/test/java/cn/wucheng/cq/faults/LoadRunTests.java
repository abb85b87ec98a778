package cn.wucheng.cq.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.Imports;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Load run (not part of {@code ./mvnw verify}: tag {@code load}): 50 concurrent users on 127.0.0.1 for
 * {@code cq.load.seconds} (default 60), over the real HTTP server with HTTP Basic. 10 writers each import small case
 * files (5 new concluded 2024 cases per request, each writer with its own lead officer); 40 readers read scores,
 * rankings, the standards and coverage. Afterwards: no request failed, and for every writer's officer the lead-case
 * count the API reads back grew by exactly the number of cases the writer's imports reported created.
 *
 * <pre>./mvnw -o test -Dtest=LoadRunTests -Dcq.heavy.tags=none [-Dcq.load.seconds=60]</pre>
 */
@Tag("load")
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=faults-load", "CQ_LEGAL_PASSWORD=" + LoadRunTests.PASSWORD,
				"spring.datasource.hikari.maximum-pool-size=10" })
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class LoadRunTests {

	static final String PASSWORD = "Load-Run-Legal-1";

	private static final int USERS = 50;

	private static final int WRITERS = 10;

	private static final int CASES_PER_IMPORT = 5;

	private static final String HEADER = "案件编号,决定书号,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号\n";

	private static final Pattern LEAD_CASES = Pattern.compile("\"leadCases\"\\s*:\\s*(\\d+)");

	private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String auth = "Basic "
			+ Base64.getEncoder().encodeToString(("legal:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	@Test
	void fiftyUsersReadingAndWritingGetNoErrorAndEveryWrittenCaseIsReadBack() throws Exception {
		for (ImportKind kind : List.of(ImportKind.DOMAINS, ImportKind.UNITS, ImportKind.PEOPLE, ImportKind.CASES)) {
			assertThat(imports.importFile(kind, kind.path() + ".csv", example(kind)).imported()).isTrue();
		}
		// one concluded 2024 case of each of WRITERS different lead officers, as templates
		List<String[]> templates = new ArrayList<>();
		for (String line : new String(example(ImportKind.CASES).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
			String[] c = line.split(",", -1);
			if (c.length == 11 && c[7].startsWith("2024") && templates.stream().noneMatch(t -> t[8].equals(c[8]))) {
				templates.add(c);
			}
		}
		assertThat(templates).hasSizeGreaterThanOrEqualTo(WRITERS);
		Map<String, Integer> leadBefore = new LinkedHashMap<>();
		for (int w = 0; w < WRITERS; w++) {
			leadBefore.put(templates.get(w)[8], leadCases(templates.get(w)[8]));
		}

		String loadBefore = loadAverage();
		long seconds = Long.getLong("cq.load.seconds", 60);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		Map<String, LongAdder> createdByLead = new ConcurrentHashMap<>();
		Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger sequence = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(USERS);
		List<String> reads = List.of("/api/v1/scores?period=2024", "/api/v1/rankings?period=2024-Q2",
				"/api/v1/standards?period=2024-Q2", "/api/v1/coverage?year=2024", "/api/v1/scores/WC0001?period=2024");
		for (int u = 0; u < USERS; u++) {
			int user = u;
			new Thread(() -> {
				try {
					int i = 0;
					while (System.nanoTime() < end) {
						if (user < WRITERS) {
							String[] t = templates.get(user);
							StringBuilder csv = new StringBuilder(HEADER);
							for (int k = 0; k < CASES_PER_IMPORT; k++) {
								int n = sequence.incrementAndGet();
								String[] c = t.clone();
								c[0] = "LOAD-" + n;
								c[1] = "金婺综执罚决字〔2024〕第L" + n + "号";
								c[10] = "";
								csv.append(String.join(",", c)).append('\n');
							}
							String body = timed("import", latencies, errors, () -> upload(csv.toString()));
							if (body != null) {
								Matcher m = CREATED.matcher(body);
								if (m.find()) {
									createdByLead.computeIfAbsent(t[8], k -> new LongAdder()).add(Long.parseLong(m.group(1)));
								}
								else {
									errors.add("import without created: " + body);
								}
							}
						}
						else {
							String path = reads.get((user + i++) % reads.size());
							timed(path.substring(8, path.indexOf('?')), latencies, errors, () -> get(path));
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "load-" + u).start();
		}
		done.await();

		StringBuilder report = new StringBuilder("load run: " + USERS + " users (" + WRITERS + " writers) for "
				+ seconds + " s on " + "PostgreSQL" + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, load average before/after "
				+ loadBefore + " / " + loadAverage() + "\n");
		long total = 0;
		for (var e : new java.util.TreeMap<>(latencies).entrySet()) {
			List<Long> ms = new ArrayList<>(e.getValue());
			Collections.sort(ms);
			total += ms.size();
			report.append(String.format("  %-22s %6d requests  p50 %5d ms  p95 %5d ms  max %5d ms%n", e.getKey(),
					ms.size(), ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1)));
		}
		long written = createdByLead.values().stream().mapToLong(LongAdder::sum).sum();
		report.append(String.format("  total %d requests, %.1f/s; %d cases written; %d errors%n", total,
				total / (double) seconds, written, errors.size()));
		System.out.print(report);
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "load-run.txt"), report);

		assertThat(errors).as("failed requests").isEmpty();
		assertThat(written).isPositive();
		for (var e : leadBefore.entrySet()) {
			long created = createdByLead.getOrDefault(e.getKey(), new LongAdder()).sum();
			assertThat(leadCases(e.getKey()) - e.getValue()).as("cases of " + e.getKey() + " read back")
				.isEqualTo(created);
		}
		assertThat(jdbc.sql("select count(*) from case_file where case_no like 'LOAD-%'").query(Long.class).single())
			.isEqualTo(written);
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private interface Call {

		HttpResponse<String> call() throws IOException, InterruptedException;

	}

	private static String timed(String name, Map<String, List<Long>> latencies, List<String> errors, Call call) {
		long t0 = System.nanoTime();
		try {
			HttpResponse<String> r = call.call();
			latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
				.add((System.nanoTime() - t0) / 1_000_000);
			if (r.statusCode() != 200) {
				errors.add(name + " " + r.statusCode() + " " + r.body());
				return null;
			}
			return r.body();
		}
		catch (IOException | InterruptedException e) {
			errors.add(name + " " + e);
			return null;
		}
	}

	private int leadCases(String employeeNo) throws IOException, InterruptedException {
		HttpResponse<String> r = get("/api/v1/scores/" + employeeNo + "?period=2024");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Matcher m = LEAD_CASES.matcher(r.body());
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", auth).timeout(Duration.ofSeconds(120)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String csv) throws IOException, InterruptedException {
		String boundary = "----cqload" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/cases"))
			.header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static InputStream example(ImportKind kind) {
		InputStream in = LoadRunTests.class.getResourceAsStream("/examples/small/" + kind.path() + ".csv");
		if (in == null) {
			throw new UncheckedIOException(new IOException("no example " + kind));
		}
		return in;
	}

}
