package cn.wucheng.cq.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a long list, fetched with LIMIT/OFFSET and counted with the same filters: lists of people and cases
 * can be long (a province's million cases), so pages never load the whole list.
 *
 * @param items the rows of this page
 * @param page the page number, from 1
 * @param size rows per page
 * @param total rows matching the filters on all pages
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

	public ListPage {
		items = List.copyOf(items);
	}

	/** A page number from a request parameter: missing, zero or negative means the first page. */
	public static int pageNumber(Integer requested) {
		return requested == null || requested < 1 ? 1 : requested;
	}

	/** The OFFSET of a page. */
	public static long offset(int page, int size) {
		return (long) (page - 1) * size;
	}

	/**
	 * The link of the current list without its {@code page} and {@code size} parameters (or the parameters named in
	 * {@code drop}), to which a page, page size or sort link appends its own: {@code path} plus the request's
	 * parameters, URL-encoded, so every filter is kept (the size is remembered, see {@link PageSize}).
	 */
	public static String linkBase(String path, Map<String, String[]> parameters, String... drop) {
		List<String> dropped = drop.length == 0 ? List.of("page", "size") : List.of(drop);
		String query = parameters.entrySet()
			.stream()
			.filter(e -> !dropped.contains(e.getKey()))
			.flatMap(e -> Arrays.stream(e.getValue())
				.filter(v -> v != null && !v.isEmpty())
				.map(v -> encode(e.getKey()) + "=" + encode(v)))
			.collect(Collectors.joining("&"));
		return query.isEmpty() ? path : path + "?" + query;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The page sizes the user may choose (issue 13 item 7). */
	public List<Integer> sizeChoices() {
		return PageSize.CHOICES;
	}

	/** Number of pages, at least 1 so that an empty list still has "page 1 of 1". */
	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

	/** Position of the first row of this page, from 1 (0 when empty). */
	public long firstRow() {
		return items.isEmpty() ? 0 : offset(page, size) + 1;
	}

	public long lastRow() {
		return items.isEmpty() ? 0 : offset(page, size) + items.size();
	}

}
