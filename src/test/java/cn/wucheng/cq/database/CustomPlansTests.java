package cn.wucheng.cq.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * Every connection of the pool plans each statement for its own values (application.properties,
 * {@code connection-init-sql}): a generic plan cannot see which bureau row-level security asks for, and on the
 * province it read a whole year of every bureau's cases through the date index (bench/README.md, session 10).
 * Asked on several connections at once, so that more than one of the pool's is seen. The context is SessionTests'.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CustomPlansTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPooledConnectionPlansEachStatementForItsOwnValues() throws Exception {
		Set<String> modes = Collections.synchronizedSet(new HashSet<>());
		Set<Integer> backends = Collections.synchronizedSet(new HashSet<>());
		Thread[] threads = new Thread[4];
		for (int i = 0; i < threads.length; i++) {
			threads[i] = new Thread(() -> jdbc
				.sql("select pg_backend_pid() as pid, current_setting('plan_cache_mode') as mode, pg_sleep(0.2)")
				.query((rs, n) -> {
					backends.add(rs.getInt("pid"));
					modes.add(rs.getString("mode"));
					return null;
				})
				.list());
			threads[i].start();
		}
		for (Thread t : threads) {
			t.join();
		}
		assertThat(backends).hasSizeGreaterThan(1);
		assertThat(modes).containsExactly("force_custom_plan");
	}

}
