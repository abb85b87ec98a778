package cn.wucheng.cq.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The default database: an embedded PostgreSQL under the data directory, used when no {@code spring.datasource.url}
 * is configured (README, "Database"). The pool keeps Boot's {@code spring.datasource.hikari.*} settings; Boot's own
 * DataSource configuration backs off because this one exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(@Value("${cq.data-dir:./data}") Path dataDir,
			@Value("${cq.database.embedded.port:0}") int port) {
		return EmbeddedPostgresServer.start(dataDir, port);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(server.jdbcUrl())
			.username(ApplicationRole.NAME)
			.password(server.appPassword())
			.build();
	}

	/** The migrations run as the owner; the application as {@link ApplicationRole}, bound by row-level security. */
	@Bean
	FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedPostgresServer server) {
		return flyway -> flyway.dataSource(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
	}

}
