package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * Issue 16: an installation that has opened a second bureau starts again. The first start's accounts (admin, legal,
 * security, audit) are the first bureau's; a start that counted them on a connection naming no bureau saw none (the
 * policies show nothing when there are several bureaus), tried to create them again and was refused by the policy —
 * the application did not start (bench/run.sh's province, 2026-12-07). The comparison's context: several bureaus, the
 * application connected as cq_app, which the policies bind.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=region")
class RestartWithSeveralBureausTests {

	@Autowired
	AccountBootstrap bootstrap;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStartAfterASecondBureauWasOpenedFindsTheFirstBureausAccountsAndCreatesNone() {
		jdbc.sql("insert into bureau (code, name) values ('restart-second', '重启测试综合行政执法局') on conflict do nothing")
			.update();
		long main = jdbc.sql("select id from bureau where code = 'main'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from bureau").query(Integer.class).single()).isGreaterThan(1);
		assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single())
			.as("naming no bureau, the application sees no account when there are several")
			.isZero();
		String accounts = "select string_agg(username || ':' || role, ',' order by username) from app_user "
				+ "where username in ('admin', 'legal', 'security', 'audit')";
		String before = Bureaus.runAs(main, () -> jdbc.sql(accounts).query(String.class).single());

		assertThatCode(() -> bootstrap.run(new DefaultApplicationArguments())).doesNotThrowAnyException();

		assertThat(Bureaus.runAs(main, () -> jdbc.sql(accounts).query(String.class).single()))
			.as("the first bureau's four accounts, none created again")
			.isEqualTo(before)
			.contains("admin:ADMIN", "legal:LEGAL");
	}

}
