package cn.wucheng.cq.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context its own empty database in one embedded PostgreSQL (real PostgreSQL, the one engine
 * of the system, not a mock), shared by the test JVM. Registered in {@code META-INF/spring.factories}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		EmbeddedPostgres pg = postgres();
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cq-test-db",
				Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", name), "spring.datasource.username",
						"postgres", "spring.datasource.password", "")));
	}

	/** The test JVM's server (tests that need it directly, e.g. to create a role). */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			}));
		}
		return postgres;
	}

}
