package cn.wucheng.cq.audit.internal;

import java.time.LocalDateTime;

import jakarta.annotation.PostConstruct;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import cn.wucheng.cq.shared.BundledText;

/**
 * How long the audit log is kept at least (等保 2.0 安全审计 c; 网络安全法 第二十一条: six months):
 * {@code cq.audit.retention-days}, 180 by default and never less — a smaller value stops the start, and the database
 * refuses it too (CHECK on {@code audit_retention}). The application never deletes entries; on PostgreSQL a trigger
 * refuses anyone's delete of a younger entry (migration db/vendor/postgresql/V4_71). A database administrator may
 * archive and delete older entries and then records the last archived id in {@code audit_retention.archived_through},
 * where {@link AuditChainVerifier} starts the chain.
 */
@Service
class AuditRetention {

	/** The legal minimum: six months. */
	static final int MIN_DAYS = 180;

	/** {@code cq.audit.*}. */
	@ConfigurationProperties("cq.audit")
	record Properties(@DefaultValue("180") int retentionDays) {

		Properties {
			if (retentionDays < MIN_DAYS) {
				throw new IllegalArgumentException(
						BundledText.of("messages-audit", "audit.retention.tooShort", retentionDays, MIN_DAYS));
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Properties.class)
	static class Config {

	}

	/** What the audit page shows: the minimum, the last archived id (0: none) and the oldest entry kept. */
	record Status(int minDays, long archivedThrough, LocalDateTime oldest) {
	}

	private final JdbcClient jdbc;

	private final Properties properties;

	AuditRetention(JdbcClient jdbc, Properties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The database trigger reads the setting from the table. */
	@PostConstruct
	void store() {
		jdbc.sql("update audit_retention set min_days = ? where id = 1").param(properties.retentionDays()).update();
	}

	Status status() {
		return jdbc.sql("""
				select r.min_days, r.archived_through, (select min(occurred_at) from audit_log) as oldest
				from audit_retention r where r.id = 1""")
			.query((rs, n) -> new Status(rs.getInt("min_days"), rs.getLong("archived_through"),
					rs.getObject("oldest", LocalDateTime.class)))
			.single();
	}

}
