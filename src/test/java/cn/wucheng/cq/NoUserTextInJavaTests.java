package cn.wucheng.cq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.shared.InputVocabulary;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.ReportProse;

/**
 * No user text in Java (issue 15 item 3), the twin of {@code I18nTests} for templates: the words users read live in
 * messages-&lt;module&gt;.properties, and a refusal is the one {@link Refusal} carrying a message key. Allowed to keep
 * Chinese literals: the demo package (its data is Chinese), a class marked {@link ReportProse} (a generated report's
 * body) and a class marked {@link InputVocabulary} (words read from input files or stored as data). Comments and
 * Javadoc are not literals and may say anything.
 */
@Tag("nodb")
class NoUserTextInJavaTests {

	static final Path SOURCES = Path.of("src/main/java");

	static final Path CLASSES = Path.of("target/classes");

	static final String BASE = "cn/wucheng/cq/";

	/** The demo's data is Chinese on purpose. */
	static final Set<String> EXEMPT_MODULES = Set.of("demo");

	record Literal(String file, int line, String text, String type) {

		@Override
		public String toString() {
			return file + ":" + line + " " + text;
		}

	}

	@Test
	void noJavaClassOutsideTheDemoHoldsChineseTextUnlessItIsReportProseOrInputVocabulary() throws IOException {
		List<Literal> found = new ArrayList<>();
		for (Path source : sources()) {
			String relative = SOURCES.relativize(source).toString().replace('\\', '/');
			String packageName = relative.substring(0, relative.lastIndexOf('/')).replace('/', '.');
			for (Literal literal : hanLiterals(relative, Files.readString(source, StandardCharsets.UTF_8))) {
				if (!allowed(packageName, literal.type())) {
					found.add(literal);
				}
			}
		}
		assertThat(found).as("Chinese text in Java: move it to messages-<module>.properties and look it up by key, "
				+ "or mark a report body @ReportProse / input words @InputVocabulary").isEmpty();
	}

	@Test
	void noModuleHasARefusalExceptionOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(CLASSES.resolve(BASE))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
				String name = CLASSES.relativize(file).toString().replace('\\', '/');
				if (!checked(name)) {
					continue;
				}
				Class<?> type = load(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
				String simple = type.getSimpleName();
				if (type != Refusal.class && RuntimeException.class.isAssignableFrom(type)
						&& (simple.endsWith("Refusal") || simple.endsWith("Refused") || simple.equals("Rejected"))) {
					found.add(type.getName());
				}
			}
		}
		assertThat(found).as("a refusal is cn.wucheng.cq.shared.Refusal with a message key, not a class of its own")
			.isEmpty();
	}

	@Test
	void theScannerFindsLiteralsButNotCommentsCharsOrEscapedQuotes() {
		String java = """
				@Marker("标注")
				class A { // "注释"
					/* "块注释" */ String a = "中文\\"还是它";
					char q = '"'; String b = "x"; /** "文档" */
					String c = \"""
						文本块 "引号" \\\"""
						\""";
					class B { String d = "内部"; }
					String e = "外部";
				}
				""";
		List<Literal> literals = hanLiterals("A.java", java);
		assertThat(literals).extracting(Literal::line).containsExactly(1, 3, 5, 8, 9);
		assertThat(literals).extracting(Literal::type).containsExactly("A", "A", "A", "A$B", "A");
		assertThat(literals.get(1).text()).isEqualTo("\"中文\\\"还是它\"");
	}

	static boolean checked(String relative) {
		if (!relative.startsWith(BASE)) {
			return false;
		}
		String rest = relative.substring(BASE.length());
		int slash = rest.indexOf('/');
		String module = slash < 0 ? "" : rest.substring(0, slash);
		return !EXEMPT_MODULES.contains(module);
	}

	List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> checked(SOURCES.relativize(f).toString().replace('\\', '/')))
				.sorted()
				.toList();
		}
	}

	/** A literal may stay when the type holding it, or one around it, is report prose or input vocabulary. */
	static boolean allowed(String packageName, String type) {
		if (type.isEmpty()) {
			return false;
		}
		String name = packageName + "." + type;
		while (true) {
			Class<?> c = loadIfThere(name);
			if (c != null && (marked(c, ReportProse.class) || marked(c, InputVocabulary.class))) {
				return true;
			}
			int dollar = name.lastIndexOf('$');
			if (dollar < 0) {
				return false;
			}
			name = name.substring(0, dollar);
		}
	}

	static boolean marked(Class<?> type, Class<? extends Annotation> marker) {
		return type.isAnnotationPresent(marker);
	}

	/** A local class (Outer$1Row) is not found under its source name: the types around it decide. */
	static Class<?> loadIfThere(String name) {
		try {
			return Class.forName(name, false, NoUserTextInJavaTests.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			return null;
		}
	}

	static Class<?> load(String name) {
		try {
			return Class.forName(name, false, NoUserTextInJavaTests.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException("no compiled class " + name + " for its source", e);
		}
	}

	/**
	 * The string literals and text blocks of a Java source that hold a Han character, with their line and the binary
	 * name (Outer$Inner) of the named type around them. A small tokenizer: comments, char literals and escapes are
	 * skipped correctly; a type is entered at the first brace after {@code class/interface/enum/record Name}.
	 */
	static List<Literal> hanLiterals(String file, String src) {
		List<Literal> out = new ArrayList<>();
		Deque<String> types = new ArrayDeque<>();
		Deque<Integer> typeDepths = new ArrayDeque<>();
		String pendingType = null;
		boolean expectTypeName = false;
		char previousSignificant = ' ';
		int depth = 0;
		int line = 1;
		int i = 0;
		int n = src.length();
		while (i < n) {
			char c = src.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
				while (i < n && src.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
				int end = src.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				line += count(src, i, end);
				i = end;
			}
			else if (c == '\'') {
				int j = i + 1;
				while (j < n && src.charAt(j) != '\'') {
					j += src.charAt(j) == '\\' ? 2 : 1;
				}
				i = j + 1;
				previousSignificant = '\'';
			}
			else if (c == '"') {
				int start = i;
				int startLine = line;
				int j;
				if (src.startsWith("\"\"\"", i)) {
					j = i + 3;
					while (j < n && !src.startsWith("\"\"\"", j)) {
						j += src.charAt(j) == '\\' ? 2 : 1;
					}
					j = Math.min(n, j + 3);
				}
				else {
					j = i + 1;
					while (j < n && src.charAt(j) != '"' && src.charAt(j) != '\n') {
						j += src.charAt(j) == '\\' ? 2 : 1;
					}
					j = Math.min(n, j + 1);
				}
				String text = src.substring(start, j);
				line += count(src, start, j);
				if (text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
					// before the first type's brace: an annotation of the file's own type (@ReportProse("…"))
					String type = types.isEmpty() ? primaryType(file) : typeName(types);
					out.add(new Literal(file, startLine, text, type));
				}
				i = j;
				previousSignificant = '"';
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int j = i;
				while (j < n && Character.isJavaIdentifierPart(src.charAt(j))) {
					j++;
				}
				String word = src.substring(i, j);
				if (expectTypeName) {
					pendingType = word;
					expectTypeName = false;
				}
				else if (Set.of("class", "interface", "enum").contains(word) && previousSignificant != '.'
						|| word.equals("record") && isFollowedByTypeName(src, j)) {
					expectTypeName = true;
				}
				previousSignificant = 'a';
				i = j;
			}
			else if (c == '{') {
				depth++;
				if (pendingType != null) {
					types.push(pendingType);
					typeDepths.push(depth);
					pendingType = null;
				}
				previousSignificant = c;
				i++;
			}
			else if (c == '}') {
				if (!typeDepths.isEmpty() && typeDepths.peek() == depth) {
					typeDepths.pop();
					types.pop();
				}
				depth--;
				previousSignificant = c;
				i++;
			}
			else {
				if (!Character.isWhitespace(c)) {
					previousSignificant = c;
				}
				i++;
			}
		}
		return out;
	}

	/** {@code record Name(} declares a type; {@code record.x()} or {@code Record record =} does not. */
	static boolean isFollowedByTypeName(String src, int from) {
		int j = from;
		while (j < src.length() && Character.isWhitespace(src.charAt(j))) {
			j++;
		}
		if (j == from || j >= src.length() || !Character.isJavaIdentifierStart(src.charAt(j))) {
			return false;
		}
		while (j < src.length() && Character.isJavaIdentifierPart(src.charAt(j))) {
			j++;
		}
		while (j < src.length() && Character.isWhitespace(src.charAt(j))) {
			j++;
		}
		return j < src.length() && (src.charAt(j) == '(' || src.charAt(j) == '<');
	}

	static String primaryType(String file) {
		String name = file.substring(file.lastIndexOf('/') + 1);
		return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
	}

	static String typeName(Deque<String> types) {
		List<String> names = new ArrayList<>(types);
		java.util.Collections.reverse(names);
		return String.join("$", names);
	}

	static int count(String src, int from, int to) {
		int lines = 0;
		for (int k = from; k < to; k++) {
			if (src.charAt(k) == '\n') {
				lines++;
			}
		}
		return lines;
	}

}
