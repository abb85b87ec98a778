package cn.wucheng.cq.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.wucheng.cq.shared.RuleRef;

/** Issue 13 item 4: the audit administrator reads codes, rule ids and exception names of the entries in Chinese. */
@Tag("nodb")
class AuditTextTests {

	final AuditText text;

	AuditTextTests() throws IOException {
		ResourceBundleMessageSource messages = messages();
		text = new AuditText(messages, new RuleRef(messages));
	}

	@Test
	void actionsAndObjectsReadAsTheirLabels() {
		assertThat(text.action("IMPORT_CREATE")).isEqualTo("导入时新增");
		assertThat(text.entity("case_file")).isEqualTo("案件");
		assertThat(text.key("setting", "BEST_RATE_CLASS2")).isEqualTo("最佳办案能手比例：二类中队");
		assertThat(text.key("case_file", "WCZF-2024-00001")).isEqualTo("WCZF-2024-00001");
	}

	@Test
	void aSignInFailureReadsAsItsReasonAndAFailedPushAsWhatWentWrong() {
		assertThat(text.detail("LockedException")).isEqualTo("账号已锁定");
		assertThat(text.detail("BadCredentialsException")).isEqualTo("用户名或密码错误");
		assertThat(text.detail("ConnectException: Connection refused")).isEqualTo("无法连接: Connection refused");
		assertThat(text.detail("SomethingNewException")).isEqualTo("系统原因");
	}

	@Test
	void aNoteCitingRulesReadsAsTheProgramme() {
		assertThat(text.detail("R-60")).isEqualTo("任务清单第13、14项、附件3（培训计划）");
		assertThat(text.detail("R-41 逾期报送")).isEqualTo("附件2 简易案件审核清单、任务清单第8项 逾期报送");
		assertThat(text.detail(null)).isNull();
	}

	static ResourceBundleMessageSource messages() throws IOException {
		Properties app = new Properties();
		app.load(new StringReader(
				Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)));
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(Arrays.stream(app.getProperty("spring.messages.basename").split(","))
			.map(String::strip)
			.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
