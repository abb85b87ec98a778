package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One way to write a form field, a filter form and a figure card (issue 15 item 6, as spring-petclinic's inputField and
 * taming-thymeleaf's textinput): the fragments in templates/fragments/forms.html, filters.html and cards.html. A
 * template that hand-writes a bound field group (a label, then a control with th:field) or a GET filter form again
 * fails here with its file and line. The fragments take named parameters; one that a page leaves out reads the page's
 * variable of that name, so no optional parameter may share its name with a model attribute.
 */
@Tag("nodb")
class FormFragmentsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path FRAGMENTS = TEMPLATES.resolve("fragments");

	static final Path JAVA = Path.of("src/main/java");

	/** A label and the first control after it (before the next label). */
	static final Pattern LABEL = Pattern.compile("<label\\b[^>]*>");

	static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b[^>]*>");

	static final Pattern GET_FORM = Pattern.compile("<form\\b[^>]*\\bmethod=\"get\"[^>]*>", Pattern.CASE_INSENSITIVE);

	/** Variables the fragments read: ${name}, ${name ?: …}, ${name == true}… */
	static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*!?\\s*([a-zA-Z][a-zA-Z0-9]*)");

	static final Pattern MODEL_ATTRIBUTE = Pattern
		.compile("(?:addAttribute|addFlashAttribute|ModelAttribute)\\(\\s*(?:name\\s*=\\s*|value\\s*=\\s*)?\"([a-zA-Z0-9]+)\"");

	/** Parameters every call passes (an unset one would be a page error, not a silent read of a model attribute). */
	static final Set<String> ALWAYS_PASSED = Set.of("field", "label", "options", "name", "value", "choices", "chosen",
			"optionKey", "action", "fields", "title", "figure", "link", "fieldFrom", "fieldTo", "between");

	/** Local variables of the fragments themselves (th:with, th:each) and utility objects. */
	static final Set<String> LOCALS = Set.of("fid", "hid", "err", "y", "q");

	record Problem(String file, int line, String what) {

		@Override
		public String toString() {
			return file + ":" + line + " " + what;
		}

	}

	@Test
	void noTemplateHandWritesABoundFieldGroup() throws IOException {
		List<Problem> problems = new ArrayList<>();
		for (Path template : pages()) {
			problems.addAll(handWrittenFieldGroups(name(template), Files.readString(template, StandardCharsets.UTF_8)));
		}
		assertThat(problems)
			.as("a hand-written field group (label + th:field control): use ~{fragments/forms :: field (field='…', "
					+ "label=#{…})}, select (… options=~{::ref}) or check; they add the error, hint and aria")
			.isEmpty();
	}

	@Test
	void noTemplateHandWritesAFilterForm() throws IOException {
		List<Problem> problems = new ArrayList<>();
		for (Path template : pages()) {
			problems.addAll(handWrittenFilterForms(name(template), Files.readString(template, StandardCharsets.UTF_8)));
		}
		assertThat(problems)
			.as("a hand-written GET filter form: use ~{fragments/filters :: filter (action=@{…}, fields=~{::ref})} "
					+ "with its pickers (text, choice, year, quarter)")
			.isEmpty();
	}

	@Test
	void noOptionalFragmentParameterIsNamedLikeAModelAttribute() throws IOException {
		Set<String> parameters = new TreeSet<>();
		for (String fragment : List.of("forms.html", "filters.html", "cards.html")) {
			parameters.addAll(variables(Files.readString(FRAGMENTS.resolve(fragment), StandardCharsets.UTF_8)));
		}
		parameters.removeAll(ALWAYS_PASSED);
		parameters.removeAll(LOCALS);
		assertThat(parameters).as("the fragments' optional parameters").contains("hint", "wrap", "mandatory", "target");
		Set<String> attributes = modelAttributes();
		assertThat(attributes).as("model attributes found in the controllers").contains("units", "form");
		assertThat(parameters).as("optional fragment parameters that a page's model attribute of the same name would "
				+ "fill when a call leaves them out: rename the parameter").doesNotContainAnyElementsOf(attributes);
	}

	// ------------------------------------------------------------------ the checker checks itself

	@Test
	void theCheckerFindsAHandWrittenFieldGroupAndFilterFormButNotFragmentCalls() {
		String template = """
				<form method="post" th:object="${form}">
				  <div class="mb-3">
				    <label class="form-label" for="name" th:text="#{x.name}">名称</label>
				    <input class="form-control" th:field="*{name}">
				  </div>
				  <div th:replace="~{fragments/forms :: field (field='code', label=#{x.code})}"></div>
				  <div class="form-check" th:each="d : ${domains}">
				    <input class="form-check-input" type="checkbox" th:field="*{domainIds}" th:value="${d.id}">
				    <label class="form-check-label" th:for="${#ids.prev('domainIds')}" th:text="${d.name}">领域</label>
				  </div>
				  <input type="radio" th:field="*{kind}" value="A"><label class="form-check-label" th:for="${#ids.prev('kind')}">A</label><input type="radio" th:field="*{kind}" value="B">
				  <label for="q" th:text="#{x.q}">q</label>
				  <input id="q" name="q">
				</form>
				<form class="row" METHOD="get" th:action="@{/x}"></form>
				<form th:replace="~{fragments/filters :: filter (action=@{/x}, fields=~{::x})}"></form>
				""";
		assertThat(handWrittenFieldGroups("sample.html", template)).extracting(Problem::line).containsExactly(3);
		assertThat(handWrittenFilterForms("sample.html", template)).extracting(Problem::line).containsExactly(15);
	}

	@Test
	void theCheckerReadsTheFragmentsVariablesAndTheControllersAttributes() {
		assertThat(variables("<div th:class=\"${wrap ?: 'mb-3'}\" th:if=\"${!hidden}\" th:text=\"${#messages.msg(k)}\">"))
			.containsExactlyInAnyOrder("wrap", "hidden");
		Matcher m = MODEL_ATTRIBUTE.matcher("model.addAttribute(\"hint\", x); @ModelAttribute(\"wrap\") Form f()");
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		assertThat(found).containsExactly("hint", "wrap");
	}

	// ------------------------------------------------------------------

	static List<Problem> handWrittenFieldGroups(String file, String html) {
		List<Problem> problems = new ArrayList<>();
		Matcher label = LABEL.matcher(html);
		List<int[]> labels = new ArrayList<>();
		while (label.find()) {
			labels.add(new int[] { label.start(), label.end() });
		}
		for (int i = 0; i < labels.size(); i++) {
			if (html.substring(labels.get(i)[0], labels.get(i)[1]).contains("form-check-label")) {
				continue; // a checkbox's or radio's label follows its control; the next box is not its field
			}
			int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : html.length();
			Matcher control = CONTROL.matcher(html.substring(labels.get(i)[1], end));
			if (control.find() && control.group().contains("th:field=")) {
				problems.add(new Problem(file, lineAt(html, labels.get(i)[0]),
						"label and " + control.group(1) + " with th:field written by hand"));
			}
		}
		return problems;
	}

	static List<Problem> handWrittenFilterForms(String file, String html) {
		List<Problem> problems = new ArrayList<>();
		Matcher form = GET_FORM.matcher(html);
		while (form.find()) {
			problems.add(new Problem(file, lineAt(html, form.start()), "GET form written by hand"));
		}
		return problems;
	}

	static Set<String> variables(String html) {
		Set<String> names = new TreeSet<>();
		Matcher m = VARIABLE.matcher(html.replaceAll("(?s)<!--.*?-->", ""));
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	static Set<String> modelAttributes() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = MODEL_ATTRIBUTE.matcher(Files.readString(f, StandardCharsets.UTF_8));
				while (m.find()) {
					names.add(m.group(1));
				}
			}
		}
		return names;
	}

	static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> list = files.filter(f -> f.toString().endsWith(".html") && !f.startsWith(FRAGMENTS))
				.sorted()
				.toList();
			assertThat(list).isNotEmpty();
			return list;
		}
	}

	static String name(Path template) {
		return TEMPLATES.relativize(template).toString();
	}

	static int lineAt(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
