package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: what the messages files say to users is the bureau's words — no rule id (R-20: the programme's
 * reference instead, messages-rules.properties), no "RULES.md", no setting key or enum name (UPPER_SNAKE_CASE), no Java
 * exception name. Values only: keys and comments may cite rule ids.
 */
@Tag("nodb")
class MessagesSpeakTheBureausWordsTests {

	/** What a user must never read, with why. */
	static final List<Pattern> CODE_WORDS = List.of(
			// a rule id of RULES.md, R-23a included
			Pattern.compile("(?<![A-Za-z0-9-])R-\\d+[a-z]?"),
			Pattern.compile("RULES\\.md"),
			// a setting key, enum constant or audit code: two or more upper-case parts joined by '_'
			Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])"),
			// a Java exception's class name
			Pattern.compile("[A-Za-z]*Exception\\b"));

	@Test
	void noMessageValueShowsARuleIdRulesMdACodeOrAnExceptionName() throws IOException {
		List<String> found = new ArrayList<>();
		for (String basename : I18nTests.basenames()) {
			Properties p = new Properties();
			p.load(new StringReader(Files.readString(I18nTests.RESOURCES.resolve(basename + ".properties"),
					StandardCharsets.UTF_8)));
			p.forEach((k, v) -> codeWords((String) v).forEach(w -> found.add(basename + ": " + k + " shows " + w)));
		}
		assertThat(found).as("write the programme's words (附件1 积分制 第二条, 任务清单第5项, 本局默认做法…)").isEmpty();
	}

	@Test
	void theCheckFindsEachKindOfCodeWordAndLeavesTheBureausWordsAlone() {
		assertThat(codeWords("固定专人办案预警（R-13）")).containsExactly("R-13");
		assertThat(codeWords("协办减半（R-23a）")).containsExactly("R-23a");
		assertThat(codeWords("实施方案未明确的规则取值（RULES.md 中的“默认”）")).containsExactly("RULES.md");
		assertThat(codeWords("参数FIXED_HANDLER_SHARE：")).containsExactly("FIXED_HANDLER_SHARE");
		assertThat(codeWords("账号已锁定：LockedException")).containsExactly("LockedException");
		assertThat(codeWords("附件1 积分制 第二条（数量分）；任务清单第5项；SHA-256；HTTP 500；TOTP；LR-R-1")).isEmpty();
	}

	static List<String> codeWords(String text) {
		List<String> words = new ArrayList<>();
		for (Pattern p : CODE_WORDS) {
			p.matcher(text).results().forEach(r -> words.add(r.group()));
		}
		return words;
	}

}
