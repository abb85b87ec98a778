package cn.wucheng.cq.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Retention of the audit log (等保 2.0 安全审计 c; 网络安全法 第二十一条): at least 180 days — a shorter setting stops the
 * start and the database refuses it; on PostgreSQL nobody deletes an entry younger than that nor empties the table;
 * after a database administrator archives older entries the hash chain is verified from the first one kept. In the
 * audit-chain context (its chain is kept intact).
 */
@ResourceLock(providers = SharedContextLock.class)
// the owner: these tests tamper with or inspect what only the owner may (issue 16: the application connects as cq_app)
@SpringBootTest(properties = { "cq.test.context=audit-chain", "cq.test.database-role=owner" })
@AutoConfigureMockMvc
class AuditRetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditChainVerifier verifier;

	@Test
	void theRetentionIsSixMonthsByDefaultAndAShorterOneIsRefusedAtTheStartAndByTheDatabase() {
		assertThat(jdbc.sql("select min_days from audit_retention where id = 1").query(Integer.class).single())
			.isEqualTo(180);
		assertThatThrownBy(() -> new AuditRetention.Properties(179)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("至少保存 180 天");
		assertThat(new AuditRetention.Properties(365).retentionDays()).isEqualTo(365);
		assertThatThrownBy(() -> jdbc.sql("update audit_retention set min_days = 90 where id = 1").update())
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("select min_days from audit_retention where id = 1").query(Integer.class).single())
			.isEqualTo(180);
	}

	@Test
	void nobodyDeletesAnEntryYoungerThanTheRetentionNorEmptiesTheLog() {
		tx.executeWithoutResult(s -> audit.recordAs("retention", "RETENTION_TEST", "audit_log", "young", null));
		long young = jdbc.sql("select max(id) from audit_log where entity_key = 'young'").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = ?").param(young).update())
			.hasMessageContaining("未满保存期限");
		assertThatThrownBy(() -> jdbc.sql("truncate table audit_log").update()).hasMessageContaining("不能整表清空");
		assertThat(jdbc.sql("select count(*) from audit_log where id = ?").param(young).query(Long.class).single())
			.isEqualTo(1);

		// an entry older than the retention may be archived and deleted (by the database administrator)
		jdbc.sql("""
				insert into audit_log (occurred_at, username, action, entity, entity_key)
				values (?, 'retention', 'RETENTION_TEST', 'audit_log', 'old')""")
			.param(LocalDateTime.now().minusDays(200))
			.update();
		assertThat(jdbc.sql("delete from audit_log where entity_key = 'old'").update()).isEqualTo(1);
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void afterArchivingTheChainIsVerifiedFromTheFirstEntryKept() {
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 3; i++) {
				audit.recordAs("retention", "RETENTION_ARCHIVE", "audit_log", "archive-" + i, null);
			}
		});
		List<Long> ids = jdbc.sql("select id from audit_log where action = 'RETENTION_ARCHIVE' order by id")
			.query(Long.class)
			.list();
		long before = verifier.verify().checked();
		try {
			// as if every entry up to the first of these had been archived and deleted
			jdbc.sql("update audit_retention set archived_through = ? where id = 1").param(ids.get(0)).update();
			AuditChainVerifier.Result result = verifier.verify();
			assertThat(result.intact()).isTrue();
			assertThat(result.checked()).isLessThan(before);
		}
		finally {
			jdbc.sql("update audit_retention set archived_through = 0 where id = 1").update();
		}
	}

	@Test
	void theAuditPageStatesTheRetention() throws Exception {
		String page = mvc.perform(get("/audit").with(Users.as(Role.AUDIT_ADMIN, null, null)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("审计日志至少保存 180 天");
	}

}
