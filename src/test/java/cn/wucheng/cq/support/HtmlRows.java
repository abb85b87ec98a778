package cn.wucheng.cq.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rendered pages in tests: list rows carry a {@code data-*} key (e.g. {@code data-case="C1"}), so a test can
 * check one row's cells, or the order of rows, without parsing the whole page.
 */
public final class HtmlRows {

	private HtmlRows() {
	}

	/** The HTML inside the table row whose attribute has the value; fails when there is no such row. */
	public static String row(String html, String attribute, String value) {
		Matcher m = Pattern.compile("<tr[^>]*\\b" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</tr>",
				Pattern.DOTALL).matcher(html);
		if (!m.find()) {
			throw new AssertionError("no row with " + attribute + "=\"" + value + "\" in:\n" + html);
		}
		return m.group(1);
	}

	/** The values of the attribute on table rows, in page order. */
	public static List<String> keys(String html, String attribute) {
		Matcher m = Pattern.compile("<tr[^>]*\\b" + attribute + "=\"([^\"]*)\"").matcher(html);
		List<String> keys = new ArrayList<>();
		while (m.find()) {
			keys.add(m.group(1));
		}
		return keys;
	}

	/** The text of the cell marked {@code data-col="column"} in a row, trimmed. */
	public static String cell(String rowHtml, String column) {
		Matcher m = Pattern.compile("<td[^>]*\\bdata-col=\"" + Pattern.quote(column) + "\"[^>]*>(.*?)</td>",
				Pattern.DOTALL).matcher(rowHtml);
		if (!m.find()) {
			throw new AssertionError("no cell " + column + " in:\n" + rowHtml);
		}
		return m.group(1).replaceAll("<[^>]+>", "").trim();
	}

}
