package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * All UI text comes from the messages files (like spring-petclinic's I18nPropertiesSyncTest): no template shows
 * hard-coded text, every {@code #{key}} a template uses exists, and no key is defined twice. Failures name the file
 * and line. Ignored on purpose: prototype text inside elements whose body Thymeleaf replaces (th:text, th:utext,
 * th:errors, th:replace/th:insert of another template, sec:authentication), comments, script/style bodies, and text that is
 * only whitespace, digits or punctuation.
 */
@Tag("nodb")
class I18nTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Path TEMPLATES = RESOURCES.resolve("templates");

	/** Attributes a user reads or hears. */
	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");

	/** Thymeleaf attributes whose value becomes visible text (or an attribute holding such text). */
	static final Set<String> TEXT_PRODUCING = Set.of("th:text", "th:utext", "th:placeholder", "th:title", "th:alt",
			"th:aria-label", "th:label", "th:value", "th:attr", "th:content");

	/** Elements whose body the template engine replaces, so the markup's body is only a prototype. */
	static final Set<String> BODY_REPLACED = Set.of("th:text", "th:utext", "th:errors", "sec:authentication");

	static final Pattern KEY_USE = Pattern.compile("#\\{([^}]*)}");

	static final Pattern EXPRESSION = Pattern.compile("[$#*@~]\\{[^{}]*}");

	static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

	record Problem(String file, int line, String what) {

		@Override
		public String toString() {
			return file + ":" + line + " " + what;
		}

	}

	@Test
	void templatesShowNoHardCodedText() throws IOException {
		List<Problem> problems = new ArrayList<>();
		for (Path template : templates()) {
			problems.addAll(hardCodedText(TEMPLATES.relativize(template).toString(),
					Files.readString(template, StandardCharsets.UTF_8)));
		}
		assertThat(problems).as("hard-coded text: use th:text=\"#{key}\" (or th:placeholder/th:title…)").isEmpty();
	}

	@Test
	void everyMessageKeyUsedInATemplateExists() throws IOException {
		Map<String, String> keys = allMessages();
		List<Problem> missing = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template, StandardCharsets.UTF_8);
			Matcher m = KEY_USE.matcher(text);
			while (m.find()) {
				String key = staticKey(m.group(1));
				if (key != null && !keys.containsKey(key)) {
					missing.add(new Problem(TEMPLATES.relativize(template).toString(), lineAt(text, m.start()),
							"#{" + key + "} is in no messages file"));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRegisteredMessagesFileExistsAndDefinesEachKeyOnce() throws IOException {
		Map<String, String> firstFile = new HashMap<>();
		List<String> duplicates = new ArrayList<>();
		for (String basename : basenames()) {
			Path file = RESOURCES.resolve(basename + ".properties");
			assertThat(file).as("messages file registered in spring.messages.basename").exists();
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || !line.contains("=")) {
					continue;
				}
				String key = line.substring(0, line.indexOf('=')).strip();
				String where = basename + ".properties:" + (i + 1);
				String earlier = firstFile.putIfAbsent(key, where);
				if (earlier != null) {
					duplicates.add(key + " at " + where + ", already at " + earlier);
				}
			}
		}
		assertThat(duplicates).as("a key defined twice: only the first file's text would ever show").isEmpty();
	}

	// ------------------------------------------------------------------ the checker checks itself

	@Test
	void theCheckerFindsHardCodedTextAndAttributes() {
		String template = """
				<section>
				  <h1>标题</h1>
				  <p th:text="#{ok}">原型文字不算</p>
				  <input placeholder="请输入工号">
				  <input placeholder="x" th:placeholder="#{ok}">
				  <button title="Save">&nbsp;</button>
				  <form data-confirm="确定吗？"></form>
				  <span th:text="${n} + ' 条'">1</span>
				  <td>: 12 / 3 —</td>
				  <!-- 注释不算 -->
				  <div th:replace="~{fragments/other :: x}">原型不算</div>
				  <span>[[#{ok}]]</span>
				  <span>共 [[${n}]] 条</span>
				  <script>var s = '脚本不算';</script>
				</section>
				""";
		assertThat(hardCodedText("sample.html", template)).extracting(Problem::line)
			.containsExactly(2, 4, 6, 7, 8, 13);
	}

	@Test
	void theCheckerReadsStaticKeysAndSkipsComputedOnes() {
		assertThat(staticKey("common.save")).isEqualTo("common.save");
		assertThat(staticKey("common.page(${a}, ${b})")).isEqualTo("common.page");
		assertThat(staticKey("${'role.' + r")).isNull();
		assertThat(staticKey("role.__${r}__")).isNull();
	}

	// ------------------------------------------------------------------ checker

	/** An element with the line it starts on; children are elements or texts. */
	static final class Node {

		final String name;

		final int line;

		final Map<String, String> attributes = new LinkedHashMap<>();

		final List<Object> children = new ArrayList<>();

		final Node parent;

		Node(String name, int line, Node parent) {
			this.name = name;
			this.line = line;
			this.parent = parent;
		}

	}

	record TextNode(String content, int line) {
	}

	/**
	 * Builds the element tree with line numbers from attoparser's events (the parser Thymeleaf itself uses; its own
	 * DOM builder records columns where lines belong). Comments are not kept.
	 */
	static final class TreeBuilder extends AbstractMarkupHandler {

		final Node root = new Node("#document", 1, null);

		private Node current = root;

		private Node opening;

		@Override
		public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
			opening = new Node(new String(buffer, offset, len).toLowerCase(), line, current);
			current.children.add(opening);
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
			current = opening;
		}

		@Override
		public void handleAutoOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
			handleOpenElementStart(buffer, offset, len, line, col);
		}

		@Override
		public void handleAutoOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
			current = opening;
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized, int line,
				int col) {
			opening = new Node(new String(buffer, offset, len).toLowerCase(), line, current);
			current.children.add(opening);
		}

		@Override
		public void handleCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			close();
		}

		@Override
		public void handleAutoCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			close();
		}

		private void close() {
			if (current.parent != null) {
				current = current.parent;
			}
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			String name = new String(buffer, nameOffset, nameLen).toLowerCase();
			// Thymeleaf's data-th-* spelling means the same as th:*
			opening.attributes.put(name.startsWith("data-th-") ? "th:" + name.substring(8) : name,
					new String(buffer, valueContentOffset, valueContentLen));
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			current.children.add(new TextNode(new String(buffer, offset, len), line));
		}

	}

	static List<Problem> hardCodedText(String file, String html) {
		TreeBuilder tree = new TreeBuilder();
		try {
			new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, tree);
		}
		catch (ParseException e) {
			return List.of(new Problem(file, 0, "cannot be parsed: " + e.getMessage()));
		}
		List<Problem> problems = new ArrayList<>();
		walk(file, tree.root, problems);
		problems.sort(java.util.Comparator.comparingInt(Problem::line));
		return problems;
	}

	private static void walk(String file, Node parent, List<Problem> problems) {
		for (Object child : parent.children) {
			if (child instanceof TextNode text) {
				String visible = visibleText(text.content());
				if (visible != null) {
					problems.add(new Problem(file, firstNonBlankLine(text), "text \"" + visible + "\""));
				}
			}
			else if (child instanceof Node element) {
				if ("all".equals(element.attributes.get("th:remove"))) {
					continue;
				}
				checkAttributes(file, element, problems);
				if (!bodyIsPrototype(element)) {
					walk(file, element, problems);
				}
			}
		}
	}

	private static boolean bodyIsPrototype(Node element) {
		Map<String, String> attributes = element.attributes;
		if (element.name.equals("script") || element.name.equals("style")) {
			return true;
		}
		if (BODY_REPLACED.stream().anyMatch(attributes::containsKey) || "body".equals(attributes.get("th:remove"))) {
			return true;
		}
		for (String replacing : List.of("th:replace", "th:insert", "th:include")) {
			String value = attributes.get(replacing);
			// A page handing its own fragments to the layout (~{::section}) keeps its body; anything else is replaced.
			if (value != null && !value.replace(" ", "").contains("~{::") && !value.replace(" ", "").contains("~{this::")) {
				return true;
			}
		}
		return false;
	}

	private static void checkAttributes(String file, Node element, List<Problem> problems) {
		Map<String, String> attributes = element.attributes;
		String thAttr = attributes.getOrDefault("th:attr", "");
		for (Map.Entry<String, String> a : attributes.entrySet()) {
			String name = a.getKey();
			String value = a.getValue() == null ? "" : a.getValue();
			if (name.startsWith("th:") || name.startsWith("sec:")) {
				if (TEXT_PRODUCING.contains(name) && hasHan(withoutExpressions(value))) {
					problems.add(new Problem(file, element.line, name + "=\"" + value + "\" has literal text"));
				}
				continue;
			}
			boolean replaced = attributes.containsKey("th:" + name)
					|| thAttr.matches("(?s).*\\b" + Pattern.quote(name) + "\\s*=.*");
			if (replaced) {
				continue;
			}
			boolean visible = VISIBLE_ATTRIBUTES.contains(name) || (name.equals("value") && isButton(element));
			if ((visible && visibleText(value) != null) || (name.startsWith("data-") && hasHan(value))) {
				problems.add(new Problem(file, element.line, name + "=\"" + value + "\""));
			}
		}
	}

	private static boolean isButton(Node element) {
		String type = element.attributes.getOrDefault("type", "").toLowerCase();
		return element.name.equals("input") && (type.equals("submit") || type.equals("button") || type.equals("reset"));
	}

	/** The text a user would read, or null if it is only whitespace, digits, punctuation or expressions. */
	static String visibleText(String raw) {
		String text = INLINED.matcher(raw).replaceAll(" ");
		text = ENTITY.matcher(text).replaceAll(" ");
		boolean letters = text.codePoints().anyMatch(Character::isLetter);
		return letters ? text.strip().replaceAll("\\s+", " ") : null;
	}

	private static String withoutExpressions(String value) {
		String previous;
		String current = value;
		do {
			previous = current;
			current = EXPRESSION.matcher(current).replaceAll("");
		}
		while (!current.equals(previous));
		return current;
	}

	private static boolean hasHan(String s) {
		return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static int firstNonBlankLine(TextNode text) {
		int line = text.line();
		String content = text.content();
		for (int i = 0; i < content.length() && Character.isWhitespace(content.charAt(i)); i++) {
			if (content.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** The key of {@code #{…}} if it is written out; null when computed (${…}, string concatenation, __…__). */
	static String staticKey(String inside) {
		String key = inside.contains("(") ? inside.substring(0, inside.indexOf('(')) : inside;
		key = key.strip();
		return key.isEmpty() || !key.matches("[A-Za-z0-9_.\\-]+") || key.contains("__") ? null : key;
	}

	private static int lineAt(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> list = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
			assertThat(list).isNotEmpty();
			return list;
		}
	}

	/** The basenames Spring loads, from application.properties. */
	static List<String> basenames() throws IOException {
		Properties app = new Properties();
		app.load(new StringReader(Files.readString(RESOURCES.resolve("application.properties"), StandardCharsets.UTF_8)));
		String value = app.getProperty("spring.messages.basename", "messages");
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static Map<String, String> allMessages() throws IOException {
		Map<String, String> all = new HashMap<>();
		for (String basename : basenames()) {
			Properties p = new Properties();
			p.load(new StringReader(Files.readString(RESOURCES.resolve(basename + ".properties"), StandardCharsets.UTF_8)));
			p.forEach((k, v) -> all.putIfAbsent((String) k, (String) v));
		}
		return all;
	}

}
