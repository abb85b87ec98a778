package cn.wucheng.cq.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Tamper evidence: every entry is chained to the one before by SHA-256; editing, deleting or inserting a row by SQL
 * is found, at the first row that no longer fits; concurrent writers keep one unbroken chain. (Own context: other
 * tests insert rows by SQL without hashes, which the verification would rightly report.)
 */
@ResourceLock(providers = SharedContextLock.class)
// the owner: these tests tamper with or inspect what only the owner may (issue 16: the application connects as cq_app)
@SpringBootTest(properties = { "cq.test.context=audit-chain", "cq.test.database-role=owner" })
@AutoConfigureMockMvc
class AuditChainTests {

	static final RequestPostProcessor AUDIT_ADMIN = Users.as(Role.AUDIT_ADMIN, null, null);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate tx;

	@Test
	void anUntouchedLogVerifiesAndTheAuditAdministratorSeesSo() throws Exception {
		write("chain-ok", 5);

		mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/audit"))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.startsWith("审计日志完整：已校验")));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'AUDIT_VERIFIED'").query(Integer.class).single())
			.isPositive();
		for (RequestPostProcessor other : List.of(Users.admin(), Users.legalSection(),
				Users.as(Role.SECURITY_ADMIN, null, null))) {
			mvc.perform(post("/audit/verify").with(other).with(csrf())).andExpect(status().isForbidden());
		}
	}

	@Test
	void editingARowBySqlIsFoundAtThatRow() throws Exception {
		List<Long> ids = write("chain-edit", 3);
		long target = ids.get(1);
		String original = jdbc.sql("select detail from audit_log where id = ?").param(target).query(String.class).single();
		try {
			jdbc.sql("update audit_log set detail = '改过的说明' where id = ?").param(target).update();

			mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
				.andExpect(flash().attribute("flashError",
						"审计日志已被破坏：第一条不符的记录编号为 " + target + "，其内容与摘要不符（记录被修改）。"));
		}
		finally {
			jdbc.sql("update audit_log set detail = ? where id = ?").params(original, target).update();
		}
		mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.startsWith("审计日志完整")));
	}

	@Test
	void deletingARowIsFoundAtTheRowAfterIt() throws Exception {
		List<Long> ids = write("chain-delete", 3);
		Map<String, Object> row = jdbc.sql("select * from audit_log where id = ?").param(ids.get(1)).query().singleRow();
		try {
			deleteAsOwner(ids.get(1));

			mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
				.andExpect(flash().attribute("flashError", org.hamcrest.Matchers
					.startsWith("审计日志已被破坏：第一条不符的记录编号为 " + ids.get(2) + "，其与前一条记录的链接不符")));
		}
		finally {
			restore(row);
		}
	}

	@Test
	void deletingTheLastRowsIsFoundToo() throws Exception {
		List<Long> ids = write("chain-tail", 2);
		long last = ids.get(1);
		Map<String, Object> row = jdbc.sql("select * from audit_log where id = ?").param(last).query().singleRow();
		try {
			deleteAsOwner(last);

			mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
				.andExpect(flash().attribute("flashError", org.hamcrest.Matchers
					.startsWith("审计日志已被破坏：第一条不符的记录编号为 " + last + "，链头所指的最后记录已不存在")));
		}
		finally {
			restore(row);
		}
	}

	@Test
	void aRowInsertedBySqlIsFound() throws Exception {
		write("chain-insert", 1);
		jdbc.sql("""
				insert into audit_log (occurred_at, username, action, entity, entity_key)
				values (current_timestamp, 'mallory', 'FORGED', 'app_user', 'chain-insert')""").update();
		long forged = jdbc.sql("select id from audit_log where action = 'FORGED'").query(Long.class).single();
		try {
			write("chain-insert-after", 1);
			mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
				.andExpect(flash().attribute("flashError", org.hamcrest.Matchers
					.startsWith("审计日志已被破坏：第一条不符的记录编号为 " + forged + "，")));
		}
		finally {
			// repair for the other tests: the forged row goes, the chain after it is re-linked by hand
			String before = jdbc.sql("select row_hash from audit_log where id < ? order by id desc limit 1")
				.param(forged)
				.query(String.class)
				.single();
			deleteAsOwner(forged);
			assertThat(jdbc.sql("select prev_hash from audit_log where id > ? order by id limit 1")
				.param(forged)
				.query(String.class)
				.single()).isEqualTo(before);
		}
	}

	@Test
	void concurrentWritersBuildOneUnbrokenChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 6; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				for (int i = 0; i < 15; i++) {
					int n = i;
					tx.executeWithoutResult(s -> audit.recordAs("writer" + thread, "CHAIN_TEST", "chain", "c-" + thread,
							"第 " + n + " 条"));
				}
			}));
		}
		for (Future<?> f : done) {
			f.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(jdbc.sql("select count(*) from audit_log where action = 'CHAIN_TEST'").query(Integer.class).single())
			.isEqualTo(90);
		mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.startsWith("审计日志完整")));
	}

	@Test
	void aRolledBackTransactionLeavesNoEntryAndNoGap() throws Exception {
		try {
			tx.executeWithoutResult(s -> {
				audit.recordAs("rollback", "ROLLED_BACK", "chain", "r", null);
				throw new IllegalStateException("the change fails");
			});
		}
		catch (IllegalStateException expected) {
			// the caller's change failed, so its entry must not exist
		}
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ROLLED_BACK'").query(Integer.class).single())
			.isZero();
		write("chain-after-rollback", 1);
		mvc.perform(post("/audit/verify").with(AUDIT_ADMIN).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", org.hamcrest.Matchers.startsWith("审计日志完整")));
	}

	/** Writes entries in one transaction; returns their ids in order. */
	private List<Long> write(String key, int count) {
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < count; i++) {
				audit.recordAs("chain-test", "CHAIN_" + key.toUpperCase().replace('-', '_'), "chain", key,
						"说明 " + i + " “引号” 和 𠀀");
			}
		});
		return jdbc.sql("select id from audit_log where entity_key = ? order by id").param(key).query(Long.class).list();
	}

	private void restore(Map<String, Object> row) {
		jdbc.sql("""
				insert into audit_log (id, occurred_at, username, action, entity, entity_key, detail, before_data,
				  after_data, prev_hash, row_hash)
				values (:id, :occurred_at, :username, :action, :entity, :entity_key, :detail, :before_data, :after_data,
				  :prev_hash, :row_hash)""").params(row).update();
	}

	/**
	 * Deletes an entry as the tampering database owner would: he first switches off the retention
	 * trigger that refuses deleting young entries (AuditRetentionTests), which these tests are not about.
	 */
	private void deleteAsOwner(long id) {
		jdbc.sql("alter table audit_log disable trigger audit_log_retention_row").update();
		try {
			jdbc.sql("delete from audit_log where id = ?").param(id).update();
		}
		finally {
			jdbc.sql("alter table audit_log enable trigger audit_log_retention_row").update();
		}
	}

}
