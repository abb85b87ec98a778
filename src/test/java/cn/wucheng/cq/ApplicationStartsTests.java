package cn.wucheng.cq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.wucheng.cq.support.SharedContextLock;

@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
class ApplicationStartsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrationsCreateTheThirtyDefaultDomainsAndTheFirstAccounts() {
		assertThat(jdbc.sql("select count(*) from domain").query(Integer.class).single()).isEqualTo(30);
		// admin and legal (API.md), and the security and audit administrators (三员分立)
		assertThat(jdbc.sql("select username from app_user order by username").query(String.class).list())
			.containsExactly("admin", "audit", "legal", "security");
	}

}
