package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("nodb")
class ListPageTests {

	@Test
	void pagesCountUpAndAnEmptyListStillHasOnePage() {
		assertThat(new ListPage<>(List.of(), 1, 50, 0).pages()).isEqualTo(1);
		assertThat(new ListPage<>(List.of("a"), 2, 50, 51).pages()).isEqualTo(2);
		ListPage<String> p = new ListPage<>(List.of("a"), 2, 50, 51);
		assertThat(p.hasPrevious()).isTrue();
		assertThat(p.hasNext()).isFalse();
		assertThat(p.firstRow()).isEqualTo(51);
		assertThat(ListPage.offset(3, 50)).isEqualTo(100);
		assertThat(ListPage.pageNumber(null)).isEqualTo(1);
		assertThat(ListPage.pageNumber(-4)).isEqualTo(1);
	}

	@Test
	void theLinkBaseKeepsEveryFilterEncodedButThePage() {
		Map<String, String[]> params = new LinkedHashMap<>();
		params.put("unit", new String[] { "3" });
		params.put("handler", new String[] { "张 三" });
		params.put("page", new String[] { "2" });
		params.put("q", new String[] { "" });
		assertThat(ListPage.linkBase("/cases", params))
			.isEqualTo("/cases?unit=3&handler=%E5%BC%A0+%E4%B8%89");
		assertThat(ListPage.linkBase("/cases", Map.of("page", new String[] { "2" }))).isEqualTo("/cases");
		assertThat(ListPage.linkBase("/cases", params, "page", "unit")).isEqualTo("/cases?handler=%E5%BC%A0+%E4%B8%89");
	}

}
