package cn.wucheng.cq.imports.internal;

import java.util.List;

/**
 * A column of an import list: the header text users type (the contract of IMPORT.md), whether it is required, the
 * longest text the database holds, and what goes in it (for the template and the page).
 *
 * @param hintKey message key describing the content, or null
 * @param choices the allowed values of an enumerated column, else empty
 */
public record Column(String header, boolean required, int maxLength, String hintKey, List<String> choices) {

	static Column required(String header, int maxLength) {
		return new Column(header, true, maxLength, null, List.of());
	}

	static Column optional(String header, int maxLength) {
		return new Column(header, false, maxLength, null, List.of());
	}

	static Column requiredDate(String header) {
		return new Column(header, true, 0, "imports.hint.date", List.of());
	}

	static Column optionalDate(String header) {
		return new Column(header, false, 0, "imports.hint.date", List.of());
	}

	static Column choice(String header, List<String> choices) {
		return new Column(header, true, 0, null, List.copyOf(choices));
	}

	Column hint(String key) {
		return new Column(header, required, maxLength, key, choices);
	}

}
