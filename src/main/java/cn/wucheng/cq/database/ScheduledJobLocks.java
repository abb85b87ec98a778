package cn.wucheng.cq.database;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run once per cluster (issue 16: several instances on one PostgreSQL). Every {@code @Scheduled}
 * method also carries ShedLock's {@code @SchedulerLock} with a name (the reminder messages, the DingTalk webhook, the
 * drop folder, the import history's clean-up): an instance runs it only if it can take the row of that name in the
 * {@code shedlock} table (migration 8.41), the others skip that run. The lock's times come from the database's clock,
 * so instances whose clocks differ still agree; a cron job keeps its lock at least 30 s after it ends, so an instance
 * whose clock is a little behind does not run the same day's job again. While a job runs its lock is extended
 * (KeepAlive), so {@code lockAtMostFor} can stay short: an instance killed mid-job holds the job up for that long
 * at most. The one exception is a job that tidies what only its own instance holds ({@code PendingUploads}).
 * {@code ScheduledJobLocksTests} fails on a {@code @Scheduled} method without a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledJobLocks {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService scheduledJobLockKeepAlive() {
		return Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "job-lock-keep-alive");
			t.setDaemon(true);
			return t;
		});
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, ScheduledExecutorService scheduledJobLockKeepAlive) {
		return new KeepAliveLockProvider(inDatabase(dataSource), scheduledJobLockKeepAlive);
	}

	/** The locks in the {@code shedlock} table, timed by the database's clock, each naming the instance that holds it. */
	static JdbcTemplateLockProvider inDatabase(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.withLockedByValue(instanceName())
			.build());
	}

	/** Host and process: two instances on one machine are told apart in the table. */
	static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid();
	}

}
