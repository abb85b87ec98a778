package cn.wucheng.cq.imports.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * A column of an import list: the header text users type (the contract of IMPORT.md), the other names real exports
 * give it (IMPORT.md "Files as the platform and other systems export them", issue 14), whether it is required, the
 * longest text the database holds, and what goes in it (for the template and the page).
 *
 * @param aliases other headers that mean this column, e.g. 第一承办人 for 主办人工号; a file may use any one of them
 * @param hintKey message key describing the content, or null
 * @param choices the allowed values of an enumerated column, else empty
 */
public record Column(String header, List<String> aliases, boolean required, int maxLength, String hintKey,
		List<String> choices) {

	public Column {
		aliases = List.copyOf(aliases);
		choices = List.copyOf(choices);
	}

	static Column required(String header, int maxLength) {
		return new Column(header, List.of(), true, maxLength, null, List.of());
	}

	static Column optional(String header, int maxLength) {
		return new Column(header, List.of(), false, maxLength, null, List.of());
	}

	static Column requiredDate(String header) {
		return new Column(header, List.of(), true, 0, "imports.hint.date", List.of());
	}

	static Column optionalDate(String header) {
		return new Column(header, List.of(), false, 0, "imports.hint.date", List.of());
	}

	static Column choice(String header, List<String> choices) {
		return new Column(header, List.of(), true, 0, null, choices);
	}

	Column hint(String key) {
		return new Column(header, aliases, required, maxLength, key, choices);
	}

	/** The same column, also recognised under these headers. */
	Column alias(String... others) {
		return new Column(header, Stream.concat(aliases.stream(), Stream.of(others)).toList(), required, maxLength,
				hintKey, choices);
	}

	/** The same column, also recognised under these headers. */
	Column alias(List<String> others) {
		return alias(others.toArray(String[]::new));
	}

	/** The header of IMPORT.md first, then the aliases. */
	List<String> names() {
		return Stream.concat(Stream.of(header), aliases.stream()).toList();
	}

}
