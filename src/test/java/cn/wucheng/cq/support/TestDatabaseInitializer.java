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
 * Gives every Spring test context its own empty database: H2 in memory by default, or a fresh database in one
 * embedded PostgreSQL (real PostgreSQL, not a mock) when the build runs with {@code -Dcq.test.db=postgres} — which
 * {@code ./mvnw verify} does in its second Surefire run, so every database test runs on both.
 * Registered in {@code META-INF/spring.factories}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("cq.test.db"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		String url;
		String user;
		if (onPostgres()) {
			EmbeddedPostgres pg = postgres();
			try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
				s.execute("create database " + name + " encoding 'UTF8' template template0");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			url = pg.getJdbcUrl("postgres", name);
			user = "postgres";
		}
		else {
			url = "jdbc:h2:mem:" + name
					+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE";
			user = "sa";
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cq-test-db",
				Map.of("spring.datasource.url", url, "spring.datasource.username", user,
						"spring.datasource.password", "")));
	}

	private static synchronized EmbeddedPostgres postgres() {
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
