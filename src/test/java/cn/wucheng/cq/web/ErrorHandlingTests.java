package cn.wucheng.cq.web;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * What users see when a controller or service throws: the error page with the right status and a Chinese message,
 * or under /api/** the API's JSON error. Runs the advice alone on a controller that throws on demand.
 */
@Tag("nodb")
class ErrorHandlingTests {

	@Controller
	static class Throwing {

		@GetMapping("/page/{what}")
		String page(@PathVariable String what) {
			throw exception(what);
		}

		@GetMapping("/api/v1/{what}")
		@ResponseBody
		String api(@PathVariable String what) {
			throw exception(what);
		}

		private static RuntimeException exception(String what) {
			return switch (what) {
				case "denied" -> new AccessDeniedException("Access Denied");
				case "missing" -> new NotFoundException();
				case "missing-case" -> new NotFoundException("案件 C-9 不存在。");
				case "stale" -> new OptimisticLockingFailureException("row 7 version 3");
				case "bad" -> new IllegalArgumentException("期间 2024-Q5 无效：季度应为 Q1–Q4。");
				case "refused" -> Refusal.of("error.conflict");
				case "refused-409" -> Refusal.of("error.conflict").withStatus(org.springframework.http.HttpStatus.CONFLICT);
				case "technical" -> new IllegalArgumentException("No enum constant cn.wucheng.cq.security.Role.X");
				default -> new IllegalStateException(what);
			};
		}

	}

	final MockMvc mvc;

	ErrorHandlingTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		mvc = MockMvcBuilders.standaloneSetup(new Throwing()).setControllerAdvice(new ErrorHandling(messages, new Refusals(messages))).build();
	}

	@Test
	void accessDeniedIsTheForbiddenPageOr403Json() throws Exception {
		mvc.perform(get("/page/denied"))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("errorMessage", "您没有权限访问此页面或数据。"));
		mvc.perform(get("/api/v1/denied"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].message").value("您没有权限访问此页面或数据。"));
	}

	@Test
	void notFoundIs404WithTheGivenMessageOrTheGeneralOne() throws Exception {
		mvc.perform(get("/page/missing"))
			.andExpect(status().isNotFound())
			.andExpect(model().attribute("errorMessage", "找不到您要的页面或数据。"));
		mvc.perform(get("/page/missing-case"))
			.andExpect(status().isNotFound())
			.andExpect(model().attribute("errorMessage", "案件 C-9 不存在。"));
		mvc.perform(get("/api/v1/missing-case"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].message").value("案件 C-9 不存在。"));
	}

	@Test
	void aStaleEditIs409WithTheConflictMessageNotTheTechnicalOne() throws Exception {
		mvc.perform(get("/page/stale"))
			.andExpect(status().isConflict())
			.andExpect(model().attribute("errorMessage", "该记录已被他人修改，请刷新后重试。"));
		mvc.perform(get("/api/v1/stale"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("该记录已被他人修改，请刷新后重试。"))
			.andExpect(content().string(not(containsString("version"))));
	}

	@Test
	void refusedInputIs400WithTheServicesChineseMessage() throws Exception {
		mvc.perform(get("/page/bad"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errorMessage", "期间 2024-Q5 无效：季度应为 Q1–Q4。"));
		mvc.perform(get("/api/v1/bad"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("期间 2024-Q5 无效：季度应为 Q1–Q4。"));
	}

	@Test
	void aTechnicalMessageFromALibraryIsNotShown() throws Exception {
		mvc.perform(get("/api/v1/technical"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("cn.wucheng"))))
			.andExpect(jsonPath("$.errors[0].message").value("系统处理请求时出错，请稍后重试；如仍出错请联系系统管理员。"));
	}

	@Test
	void aRefusalIsItsMessageWithItsStatusForPagesAndTheApi() throws Exception {
		mvc.perform(get("/page/refused"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errorMessage", "该记录已被他人修改，请刷新后重试。"));
		mvc.perform(get("/api/v1/refused-409"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("该记录已被他人修改，请刷新后重试。"));
	}

}
