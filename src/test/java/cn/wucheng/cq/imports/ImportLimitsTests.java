package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import cn.wucheng.cq.imports.internal.ImportQueue;
import cn.wucheng.cq.imports.internal.SharedStringsBomb;
import cn.wucheng.cq.support.Users;

/**
 * Uploads cannot take the server down (issue 11): a shared-strings bomb is answered 400 with the limit it broke and
 * the server answers afterwards; a large file that arrives while another large import runs waits its bounded time in
 * line, then answers 503 with Retry-After (API) or says so on the page; small files never wait.
 */
class ImportLimitsTests extends ImportTestSupport {

	/** 100 MB of text in a 1.45 MB file: 69 times, inside the zip guard (100), over the bound (10). */
	private static final byte[] BOMB = SharedStringsBomb.xlsx(100_000_000);

	@Autowired
	ImportQueue queue;

	@Test
	void aSharedStringsBombIsAnswered400WithTheLimitInChineseAndTheServerStillAnswers() throws Exception {
		// 10 times the file (about 13.8 MB; deflate's output varies a little between zlib versions)
		String limit = BigDecimal.valueOf(BOMB.length * 10L).divide(BigDecimal.valueOf(1 << 20), 1, RoundingMode.HALF_UP) + " MB";

		upload("people", "人员.xlsx", BOMB)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message",
					startsWith("工作簿中的文字（共享字符串表 xl/sharedStrings.xml）超过上限 " + limit + "：上限为文件大小的 10 倍，最多 128.0 MB")));

		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		upload("domains", "domains.csv", example("domains")).andExpect(status().isOk());
	}

	@Test
	void aLargeImportArrivingWhileAnotherRunsWaitsItsBoundThenAnswers503WithRetryAfter() throws Exception {
		try (ImportQueue.Turn running = queue.enter(Long.MAX_VALUE, null)) {
			upload("people", "人员.xlsx", BOMB)
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "60"))
				.andExpect(jsonPath("$.errors[0].message")
					.value("服务器正在导入其他大文件，前面还有 1 个导入，已等候 5 秒 仍未轮到，未导入任何数据。请稍后重试"));
		}
		// its turn come, the same file is read (and refused for what it is)
		upload("people", "人员.xlsx", BOMB).andExpect(status().isBadRequest());
	}

	@Test
	void aSmallImportRunsWhileALargeOneHoldsItsTurn() throws Exception {
		try (ImportQueue.Turn running = queue.enter(Long.MAX_VALUE, null)) {
			upload("domains", "domains.csv", example("domains")).andExpect(status().isOk());
		}
	}

	@Test
	void theImportPageTellsAWaitingUploadHowManyImportsAreAheadOfIt() throws Exception {
		CompletableFuture<Void> waiter;
		try (ImportQueue.Turn running = queue.enter(Long.MAX_VALUE, null)) {
			waiter = CompletableFuture.runAsync(() -> {
				try (ImportQueue.Turn turn = queue.enter(Long.MAX_VALUE, "page-upload-1")) {
					// its turn: nothing to import here
				}
				catch (ImportQueue.Busy busy) {
					throw new IllegalStateException(busy);
				}
			});
			for (int i = 0; queue.ahead("page-upload-1") < 1; i++) {
				assertThat(i).as("the waiter takes its place").isLessThan(4_000);
				Thread.sleep(1);
			}

			mvc.perform(get("/imports/queue").param("ticket", "page-upload-1").with(Users.legalSection()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.ahead").value(1))
				.andExpect(jsonPath("$.message").value("排队中：前面还有 1 个导入，轮到后自动开始（最多等候 5 秒）…"));
		}
		waiter.get(1, TimeUnit.MINUTES);
		mvc.perform(get("/imports/queue").param("ticket", "page-upload-1").with(Users.legalSection()))
			.andExpect(jsonPath("$.ahead").value(-1));
	}

	@Test
	void aPageUploadThatWaitedItsBoundSaysNothingWasImportedAndWhy() throws Exception {
		try (ImportQueue.Turn running = queue.enter(Long.MAX_VALUE, null)) {
			mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "人员.xlsx", "application/octet-stream", BOMB))
				.param("kind", "people")
				.param("ticket", "page-upload-2")
				.header("X-Requested-With", "XMLHttpRequest")
				.with(Users.legalSection())
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("文件 人员.xlsx 未导入。")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("前面还有 1 个导入，已等候 5 秒 仍未轮到")));
		}
	}

}
