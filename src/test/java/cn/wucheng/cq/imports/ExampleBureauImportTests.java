package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The small example bureau of examples/README.md imported through the HTTP API in the order of IMPORT.md — as CSV,
 * as .xlsx and as GB18030 CSV — and again: the second time nothing changes.
 */
class ExampleBureauImportTests extends ImportTestSupport {

	@Test
	void theExampleBureauImportsWithCountsMatchingItsRowsAndASecondImportChangesNothing() throws Exception {
		Map<String, int[]> first = importAll(UnaryOperator.identity(), ".csv");
		first.forEach((kind, counts) -> assertThat(counts[0] + counts[1] + counts[2]).as(kind)
			.isEqualTo(dataRows(example(kind))));
		// the migrations already hold the 30 default domains of the example, unchanged
		assertThat(first.get("domains")).containsExactly(0, 0, 30);
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			assertThat(first.get(kind)).as(kind).containsExactly(dataRows(example(kind)), 0, 0);
		}
		assertThat(tableCounts()).containsEntry("unit", 9)
			.containsEntry("person", 134)
			.containsEntry("person_unit_history", 134)
			.containsEntry("case_file", 136)
			.containsEntry("deduction_item", 6)
			.containsEntry("case_return", 49)
			.containsEntry("excellent_award", 4)
			.containsEntry("unit_domain", 11);

		Map<String, Integer> before = tableCounts();
		Map<String, int[]> second = importAll(UnaryOperator.identity(), ".csv");
		second.forEach((kind, counts) -> assertThat(counts).as(kind).containsExactly(0, 0, dataRows(example(kind))));
		Map<String, Integer> after = tableCounts();
		after.remove("audit_log");
		before.remove("audit_log");
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theExampleAsXlsxImportsLikeTheCsvAndTheCsvAfterItFindsEverythingUnchanged() throws Exception {
		Map<String, int[]> asXlsx = importAll(ImportTestSupport::xlsx, ".xlsx");
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			assertThat(asXlsx.get(kind)).as(kind).containsExactly(dataRows(example(kind)), 0, 0);
		}
		Map<String, int[]> csvAfter = importAll(UnaryOperator.identity(), ".csv");
		csvAfter.forEach((kind, counts) -> assertThat(counts).as(kind).containsExactly(0, 0, dataRows(example(kind))));
	}

	@Test
	void theExampleInGb18030ImportsLikeTheUtf8CsvAndTheUtf8CsvAfterItFindsEverythingUnchanged() throws Exception {
		Map<String, int[]> asGbk = importAll(ImportTestSupport::gb18030, ".csv");
		for (String kind : EXAMPLE.subList(1, EXAMPLE.size())) {
			assertThat(asGbk.get(kind)).as(kind).containsExactly(dataRows(example(kind)), 0, 0);
		}
		assertThat(jdbc.sql("select name from unit where name = '直属一中队'").query(String.class).optional())
			.isPresent();
		Map<String, int[]> utf8After = importAll(UnaryOperator.identity(), ".csv");
		utf8After.forEach((kind, counts) -> assertThat(counts).as(kind).containsExactly(0, 0, dataRows(example(kind))));
	}

	@Test
	void scriptsImportOverHttpBasicWithoutACsrfToken() throws Exception {
		String boundary = "----cq" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] units = example("units");
		byte[] body = new byte[head.length + units.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(units, 0, body, head.length, units.length);
		System.arraycopy(tail, 0, body, head.length + units.length, tail.length);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/units"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("legal:" + LEGAL_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"kind\":\"units\"").contains("\"created\":9");
	}

	/** Imports the six lists in order; answers created/updated/unchanged per kind. */
	private Map<String, int[]> importAll(UnaryOperator<byte[]> convert, String suffix) throws Exception {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (String kind : EXAMPLE) {
			var result = upload(kind, kind + suffix, convert.apply(example(kind)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value(kind))
				.andReturn();
			String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			counts.put(kind, new int[] { number(json, "created"), number(json, "updated"), number(json, "unchanged") });
		}
		return counts;
	}

	private static int number(String json, String field) {
		var m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as(field + " in " + json).isTrue();
		return Integer.parseInt(m.group(1));
	}

}
