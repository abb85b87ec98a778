package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The one refusal type and the one place that makes its text (issue 15 item 3). */
class RefusalsTests {

	final StaticMessageSource messages = new StaticMessageSource();

	final Refusals refusals = new Refusals(messages);

	RefusalsTests() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		messages.addMessage("x.refused", Locale.SIMPLIFIED_CHINESE, "{0} 年第 {1} 行：扣分 {2} 超过上限");
		messages.addMessage("error.conflict", Locale.SIMPLIFIED_CHINESE, "该记录已被他人修改，请刷新后重试。");
	}

	@Test
	void aRefusalsTextWritesYearsWithoutGroupingAndPointsUnrounded() {
		Refusal r = Refusal.of("x.refused", 2024, 7, new BigDecimal("0.125"));
		assertThat(refusals.text(r)).isEqualTo("2024 年第 7 行：扣分 0.125 超过上限");
		assertThat(r.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(r.withStatus(HttpStatus.CONFLICT).status()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aChangeThatIsRefusedComesBackAsTheFlashErrorAndASuccessAsTheFlashSuccess() {
		RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
		String target = refusals.act("/cases/1", refused, () -> {
			throw Refusal.of("x.refused", 2025, 3, "1.50");
		});
		assertThat(target).isEqualTo("redirect:/cases/1");
		assertThat((java.util.Map<String, Object>) refused.getFlashAttributes()).containsEntry("flashError", "2025 年第 3 行：扣分 1.50 超过上限")
			.doesNotContainKey("flashSuccess");

		RedirectAttributesModelMap stale = new RedirectAttributesModelMap();
		refusals.act("/cases/1", stale, () -> {
			throw new OptimisticLockingFailureException("version");
		});
		assertThat((java.util.Map<String, Object>) stale.getFlashAttributes()).containsEntry("flashError", "该记录已被他人修改，请刷新后重试。");

		RedirectAttributesModelMap done = new RedirectAttributesModelMap();
		refusals.act("/cases/1", done, () -> "已保存");
		assertThat((java.util.Map<String, Object>) done.getFlashAttributes()).containsEntry("flashSuccess", "已保存").doesNotContainKey("flashError");
	}

	@Test
	void anArgumentThatIsAMessageIsShownInTheUsersWords() {
		messages.addMessage("x.state", Locale.SIMPLIFIED_CHINESE, "该计划当前状态为“{0}”，第 {1} 项");
		messages.addMessage("x.status.DRAFT", Locale.SIMPLIFIED_CHINESE, "草稿");
		assertThat(refusals.text(Refusal.of("x.state", Refusal.label("x.status.DRAFT"), 2024)))
			.isEqualTo("该计划当前状态为“草稿”，第 2024 项");
		assertThat(refusals.message("x.state", Refusal.label("x.status.DRAFT"), 3)).isEqualTo("该计划当前状态为“草稿”，第 3 项");
	}

	@Test
	void aRecordNotThereOrOutOfScopeIsNotTurnedIntoAFlashMessageButAnswers404() {
		RedirectAttributesModelMap outOfScope = new RedirectAttributesModelMap();
		assertThatThrownBy(() -> refusals.act("/cases/1", outOfScope, () -> {
			throw Refusal.of("x.refused", 2025, 3, "1.50").withStatus(HttpStatus.NOT_FOUND);
		})).isInstanceOf(Refusal.class);
		assertThat(outOfScope.getFlashAttributes()).isEmpty();
	}

}
