package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 13 item 4: a rule id reads as the programme's own reference, from one mapping (messages-rules.properties);
 * the id itself is a tooltip for 法制科 only.
 */
@Tag("nodb")
class RuleRefTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	final RuleRef refs = new RuleRef(messages());

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRuleOfTheProgrammeReadsAsItsPlaceInTheProgramme() {
		assertThat(refs.of("R-20")).isEqualTo("附件1 积分制 第二条（数量分）");
		assertThat(refs.of("R-11")).contains("任务清单第5项");
		assertThat(refs.of("R-32")).isEqualTo("任务清单第1项（全员办案）");
		assertThat(refs.of("R-23a")).startsWith("附件1 积分制");
	}

	@Test
	void aRuleTheProgrammeIsSilentOnReadsAsTheBureausDefault() {
		assertThat(refs.of("R-26")).isEqualTo("本局默认做法（方案未作规定）");
		assertThat(refs.of("R-27")).isEqualTo("本局默认做法（方案未作规定）");
	}

	@Test
	void aBadgeTakesTheReferenceWithoutItsTopic() {
		assertThat(refs.brief("R-50")).isEqualTo("任务清单第10、11项");
		assertThat(refs.brief("R-52")).isEqualTo("实施方案 四（四）");
		assertThat(refs.brief("R-70")).isEqualTo("附件4 重点工作任务清单");
	}

	@Test
	void theRuleIdIsATooltipForTheLegalSectionOnly() {
		signIn("ROLE_LEGAL");
		assertThat(refs.tooltip("R-31")).isEqualTo("R-31");
		signIn("ROLE_SQUAD_LEADER");
		assertThat(refs.tooltip("R-31")).isNull();
		SecurityContextHolder.clearContext();
		assertThat(refs.tooltip("R-31")).isNull();
	}

	@Test
	void aNoteWrittenByCodeReadsInTheProgrammesWords() {
		assertThat(refs.words("R-43 → R-22")).isEqualTo("实施方案 四（三）、任务清单第9项（案卷互评与抽查） → 附件1 积分制 第二条（创先争优分）");
		assertThat(refs.words("R-40 审核晚于案件当天")).isEqualTo("任务清单第8项、附件2（简易案件审核） 审核晚于案件当天");
		assertThat(refs.words("R-50–R-52")).isEqualTo("任务清单第10、11项（全过程记录）—实施方案 四（四）（一案一档）");
		assertThat(refs.words("案件 LR-R-1 已审核")).isEqualTo("案件 LR-R-1 已审核");
		assertThat(refs.words(null)).isNull();
	}

	@Test
	void everyRuleIdTheCodeCitesInAStringHasAReference() throws IOException {
		Set<String> cited = new TreeSet<>();
		Pattern literal = Pattern.compile("\"[^\"\\n]*?\\b(R-\\d+[a-z]?)\\b[^\"\\n]*\"");
		Pattern id = Pattern.compile("(?<![A-Za-z0-9-])R-\\d+[a-z]?");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = literal.matcher(Files.readString(f, StandardCharsets.UTF_8));
				while (m.find()) {
					id.matcher(m.group()).results().forEach(r -> cited.add(r.group()));
				}
			}
		}
		assertThat(cited).as("the scan finds the ids of RuleSetting, GapKind, the policies").contains("R-13", "R-31",
				"R-50", "R-20");
		assertThat(cited.stream().filter(r -> !refs.knows(r)).toList())
			.as("add rule.ref.<id> to messages-rules.properties").isEmpty();
	}

	private static void signIn(String authority) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("u", null, authority));
	}

	/** The application's messages, as application.properties registers them. */
	static ResourceBundleMessageSource messages() {
		try {
			Properties app = new Properties();
			app.load(new StringReader(
					Files.readString(RESOURCES.resolve("application.properties"), StandardCharsets.UTF_8)));
			List<String> basenames = Arrays.stream(app.getProperty("spring.messages.basename").split(","))
				.map(String::strip)
				.toList();
			ResourceBundleMessageSource source = new ResourceBundleMessageSource();
			source.setBasenames(basenames.toArray(String[]::new));
			source.setDefaultEncoding("UTF-8");
			source.setFallbackToSystemLocale(false);
			return source;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
