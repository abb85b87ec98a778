package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * What the form, filter and card fragments render on real pages (issue 15 item 6): a field group's label, control,
 * hint tied by aria-describedby and its error from the BindingResult; a filter form's GET, pickers, 重置 and htmx
 * attributes; the dashboard's figure cards. Only reads pages, so it shares the database with any other test.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
class FragmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aFieldGroupHasItsLabelItsBoundControlAndAHintTheControlPointsTo() throws Exception {
		String html = page(get("/people/new"));
		assertThat(html).contains("<label class=\"form-label\" for=\"certificateNo\">");
		String certificate = tag(html, "input", "certificateNo");
		assertThat(certificate).contains("name=\"certificateNo\"", "maxlength=\"30\"",
				"aria-describedby=\"certificateNo-hint\"", "class=\"form-control\"");
		assertThat(html).containsPattern("<div class=\"form-text\" id=\"certificateNo-hint\">[^<]+</div>");
		assertThat(tag(html, "input", "name")).contains("required=\"required\"", "maxlength=\"50\"");
		assertThat(tag(html, "input", "birthDate")).contains("type=\"date\"");
		String sex = tag(html, "select", "sex");
		assertThat(sex).contains("name=\"sex\"", "class=\"form-select\"", "required=\"required\"");
		assertThat(html).containsPattern("<select[^>]*id=\"sex\"[^>]*>\\s*<option value=\"\">请选择</option>\\s*"
				+ "<option value=\"[A-Z]+\">");
		assertThat(html).as("no error shown before the form is sent").doesNotContain("is-invalid", "invalid-feedback");
	}

	@Test
	void aRefusedFieldShowsItsErrorUnderTheControl() throws Exception {
		String html = page(post("/people/new").param("employeeNo", "FF001")
			.param("name", "")
			.param("sex", "MALE")
			.param("birthDate", "1985-03-05")
			.param("category", "FORMAL")
			.param("post", "MEMBER")
			.param("unitId", "")
			.with(csrf()));
		assertThat(tag(html, "input", "name")).contains("is-invalid");
		assertThat(tag(html, "select", "unitId")).contains("is-invalid");
		assertThat(tag(html, "input", "employeeNo")).doesNotContain("is-invalid").contains("value=\"FF001\"");
		assertThat(html).as("the bound select marks the sent option, also when the page gives the options")
			.contains("<option value=\"MALE\" selected=\"selected\">");
		assertThat(html).containsPattern("(?s)id=\"unitId\".*?<div class=\"invalid-feedback\">\\s*<div>请选择所属单位</div>");
	}

	@Test
	void aFilterFormIsAGetFormWhoseHtmxSwapsTheListAndKeepsThePickedValues() throws Exception {
		String html = page(get("/people").param("q", "筛选词"));
		String form = tag(html, "form", "people-filter");
		assertThat(form).contains("method=\"get\"", "action=\"/people\"", "hx-get=\"/people\"",
				"hx-target=\"#people-table\"", "hx-swap=\"outerHTML\"", "hx-push-url=\"true\"",
				"hx-trigger=\"submit, change\"");
		assertThat(tag(html, "input", "q")).contains("value=\"筛选词\"", "form-control-sm");
		assertThat(html).contains("<label class=\"form-label small mb-0\" for=\"unit\">");
		assertThat(html).containsPattern("(?s)id=\"people-filter\".*?<button type=\"submit\"[^>]*>查询</button>\\s*"
				+ "<a class=\"btn btn-sm btn-outline-secondary\" href=\"/people\">重置</a>");

		String units = page(get("/units").param("name", "城东"));
		assertThat(tag(units, "input", "unit-name")).contains("name=\"name\"", "value=\"城东\"");
		assertThat(units).contains("<label class=\"form-label small mb-0\" for=\"unit-type\">");
		Matcher unitsForm = Pattern.compile("<form[^>]*action=\"/units\"[^>]*>").matcher(units);
		assertThat(unitsForm.find()).isTrue();
		assertThat(unitsForm.group()).contains("method=\"get\"", "class=\"row g-2 align-items-end mb-3 d-print-none\"")
			.as("a filter without a target is a plain GET form")
			.doesNotContain("hx-get");
	}

	@Test
	void aYearFilterOnAPageHeadReadsItsLabelToScreenReadersOnly() throws Exception {
		String html = page(get("/supervision/meetings"));
		assertThat(html).contains("<label class=\"visually-hidden\" for=\"meetings-year\">");
		assertThat(tag(html, "select", "meetings-year")).contains("name=\"year\"");
		assertThat(html).containsPattern("<option value=\"\\d{4}\" selected=\"selected\">\\d{4}");
	}

	@Test
	void theDashboardsFiguresAreCardsThatLinkToTheirPages() throws Exception {
		String html = page(get("/dashboard"));
		assertThat(html).containsPattern("(?s)<a class=\"card card-body text-decoration-none h-100 p-2\" "
				+ "href=\"/supervision/tasks\">\\s*<div class=\"text-muted small\">[^<]+</div>\\s*"
				+ "<div class=\"fs-4\" data-figure=\"overdueTasks\">\\d+</div>");
		assertThat(html).containsPattern("(?s)data-figure=\"standards\">[^<]*%</div>\\s*<div class=\"small text-muted\">");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The opening tag of the element with that id; fails when there is none. */
	private static String tag(String html, String element, String id) {
		Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		assertThat(m.find()).as("<%s id=\"%s\"> on the page", element, id).isTrue();
		return m.group();
	}

}
