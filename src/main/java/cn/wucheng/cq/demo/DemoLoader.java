package cn.wucheng.cq.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;

/**
 * Fills an empty system with the county demo bureau, through the same importers as real data (so the demo proves
 * them too). The demo year is last year: a whole year of cases that lies in the past.
 */
@Service
public class DemoLoader {

	/** What a load did: the import result of each list, in import order. */
	public record Outcome(int year, List<ImportResult> results) {

		public boolean complete() {
			return results.size() >= ImportList.values().length && results.stream().allMatch(ImportResult::imported);
		}

	}

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DemoStates states;

	private final DemoActivity activity;

	private final DemoImports demoImports;

	DemoLoader(JdbcClient jdbc, DemoStates states, DemoActivity activity,
			DemoImports demoImports, Clock clock) {
		this.demoImports = demoImports;
		this.activity = activity;
		this.jdbc = jdbc;
		this.states = states;
		this.clock = clock;
	}

	/** Whether the system holds no case yet: the demo is only loaded then, never over real data. */
	public boolean systemIsEmpty() {
		return jdbc.sql("select count(*) from case_file").query(Long.class).single() == 0;
	}

	/**
	 * Loads the demo bureau.
	 * @throws IllegalStateException with a Chinese message when the system already holds cases
	 */
	public synchronized Outcome load() {
		if (!systemIsEmpty()) {
			throw new IllegalStateException("系统中已有案件数据，不能再加载演示数据");
		}
		int year = LocalDate.now(clock).getYear() - 1;
		Map<String, byte[]> files = new java.util.HashMap<>(DemoBureau.inMemory(BureauSpec.county().withYear(year)));
		files.put("units", states.withoutManagedDomains(files.get("units"), DemoStates.UNCONFIGURED_SQUAD));
		List<ImportResult> results = new ArrayList<>();
		for (ImportList list : ImportList.values()) {
			ImportKind kind = ImportKind.fromPath(list.key()).orElseThrow();
			ImportResult result = demoImports.importFile(kind, "demo-" + list.key() + ".csv", files.get(list.key()));
			results.add(result);
			if (!result.imported()) {
				log.error("演示数据导入失败：{} {}", kind, result.errors());
				break;
			}
		}
		if (results.stream().allMatch(ImportResult::imported)) {
			results.add(states.show(year));
			activity.run(year);
		}
		log.info("已加载演示单位（{} 年）：{}", year, results.stream()
			.map(r -> r.kind() + " +" + r.created())
			.toList());
		return new Outcome(year, results);
	}

}
