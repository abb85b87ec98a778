package cn.wucheng.cq.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16 item 2: an application whose database account is not bound by the bureaus' policies (here the owner, as
 * an installation configured with one account would be) starts with a warning while there is one bureau, and refuses
 * to start once there are several. The context shares its database with ImportLookupsKeepToTheBureauTests.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "cq.test.context=imports-owner-scope", "cq.test.database-role=owner" })
class PoliciesBindTheApplicationTests {

	@Autowired
	PoliciesBindTheApplication check;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOwnersConnectionIsSeenAsUnboundAndRefusedOnceThereIsASecondBureau() {
		assertThat(jdbc.sql(PoliciesBindTheApplication.BYPASSES).query(Boolean.class).single()).isTrue();
		jdbc.sql("insert into bureau (code, name) select 'policy-b', '乙县策略执法局' "
				+ "where not exists (select 1 from bureau where code = 'policy-b')").update();
		assertThat(jdbc.sql("select count(*) from bureau").query(Integer.class).single()).isGreaterThan(1);
		assertThatThrownBy(check::verify).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("拒绝启动")
			.hasMessageContaining(jdbc.sql("select current_user").query(String.class).single())
			.hasMessageContaining("cq_app");
	}

	@Test
	void theApplicationsOwnRoleIsBound() {
		// the role the application connects as everywhere else (TestDatabaseInitializer, the embedded server)
		assertThat(jdbc.sql("""
				select r.rolsuper or r.rolbypassrls or pg_has_role('cq_app', c.relowner, 'USAGE')
				from pg_roles r, pg_class c where r.rolname = 'cq_app' and c.oid = 'case_file'::regclass""")
			.query(Boolean.class)
			.single()).isFalse();
	}

}
