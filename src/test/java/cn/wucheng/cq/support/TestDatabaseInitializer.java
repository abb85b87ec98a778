package cn.wucheng.cq.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import cn.wucheng.cq.database.ApplicationRole;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context its own database in one embedded PostgreSQL (real PostgreSQL, the one engine of
 * the system, not a mock), shared by the test JVM. Registered in {@code META-INF/spring.factories}.
 * <p>
 * Issue 15: each context's database is fresh and fully migrated, but Flyway's migrations run once per JVM, into a
 * template database, and every later context's database is a copy of it ({@code CREATE DATABASE … TEMPLATE …}, a file
 * copy). The template is migrated with the first context's own Flyway (its locations, Java migrations and callbacks),
 * so it is exactly what that Flyway makes; the context's Flyway still runs, validates, and finds nothing to do. A
 * context whose {@code spring.flyway.*} settings differ (other than where it connects) gets a template of its own.
 * <p>
 * Every context started is written to {@code target/test-contexts.txt} (its {@code cq.test.context}, how long the
 * database copy, Flyway and the whole start took), so the number of contexts a run starts can be counted.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Settings of Flyway that say where it connects, not what it builds: they do not need a template of their own. */
	private static final java.util.Set<String> CONNECTION_SETTINGS = java.util.Set.of("spring.flyway.url",
			"spring.flyway.user", "spring.flyway.password");

	private static final Path CONTEXT_LOG = Path.of("target", "test-contexts.txt");

	private static final AtomicInteger CONTEXTS = new AtomicInteger();

	/** The test server's application role's password (the server listens on localhost for this JVM only). */
	public static final String APP_PASSWORD = "cq-app-test";

	private static EmbeddedPostgres postgres;

	/** Migrated templates by the Flyway settings they were built with. */
	private static final Map<String, Template> templates = new HashMap<>();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		long started = System.nanoTime();
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		String settings = flywaySettings(context.getEnvironment());
		Template template = template(settings);
		EmbeddedPostgres pg = postgres();
		createDatabase(pg, name, template);
		long created = System.nanoTime();
		// issue 16: the application connects as its own role, bound by row-level security, the migrations as the
		// owner; a context that inspects or changes what only the owner may (cq.test.database-role=owner) keeps it
		String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
		boolean owner = "owner".equals(context.getEnvironment().getProperty("cq.test.database-role"));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cq-test-db",
				Map.of("spring.datasource.url", url, "spring.datasource.username",
						owner ? "postgres" : ApplicationRole.NAME, "spring.datasource.password",
						owner ? "" : APP_PASSWORD, "spring.flyway.url", url, "spring.flyway.user", "postgres",
						"spring.flyway.password", "")));
		long[] flywayNanos = new long[1];
		context.getBeanFactory().registerSingleton("cqTestFlywayMigrationStrategy", (FlywayMigrationStrategy) flyway -> {
			long t = System.nanoTime();
			migrate(flyway, settings, template);
			flywayNanos[0] = System.nanoTime() - t;
		});
		int number = CONTEXTS.incrementAndGet();
		context.addApplicationListener(event -> {
			if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
				// "at": seconds since the test JVM started, when the context was ready — the run's timeline, to see
				// which chains of classes (one Chromium, one context) set its length
				log(String.format("%d\t%s\t%s\tdb %d ms\tflyway %d ms\tstart %d ms\tat %d s", number,
						context.getEnvironment().getProperty("cq.test.context", "-"),
						template != null ? "template" : "migrated", (created - started) / 1_000_000,
						flywayNanos[0] / 1_000_000, (System.nanoTime() - started) / 1_000_000,
						java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
			}
		});
	}

	/**
	 * The context's Flyway: on a copy of the template it only validates; the first context with these settings first
	 * builds the template with a copy of its own Flyway configuration, then migrates its own database as before.
	 */
	private static void migrate(Flyway flyway, String settings, Template copiedFrom) {
		Configuration configuration = flyway.getConfiguration();
		String code = codeOf(configuration);
		if (copiedFrom != null) {
			if (!copiedFrom.code.equals(code)) {
				throw new IllegalStateException("This test context's Flyway has other Java migrations or callbacks ("
						+ code + ") than the template its database was copied from (" + copiedFrom.code
						+ "): give it its own spring.flyway.* settings or extend TestDatabaseInitializer");
			}
		}
		else {
			buildTemplate(configuration, settings, code);
		}
		flyway.migrate();
	}

	/** One copy at a time: test classes run two at a time, and a template being copied cannot be copied again. */
	private static synchronized void createDatabase(EmbeddedPostgres pg, String name, Template template) {
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("create database " + name
					+ (template != null ? " template " + template.name : " encoding 'UTF8' template template0"));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		if (template == null) {
			prepareApplicationRole(pg, name);
		}
	}

	private static synchronized Template template(String settings) {
		return templates.get(settings);
	}

	private static synchronized void buildTemplate(Configuration configuration, String settings, String code) {
		if (templates.containsKey(settings)) {
			return;
		}
		String name = "cq_template_" + (templates.size() + 1) + "_" + UUID.randomUUID().toString().substring(0, 8);
		EmbeddedPostgres pg = postgres();
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		prepareApplicationRole(pg, name);
		// a plain (unpooled) data source: no connection stays open on the template, or it could not be copied
		Flyway.configure(configuration.getClassLoader())
			.configuration(configuration)
			.dataSource(pg.getDatabase("postgres", name))
			.load()
			.migrate();
		templates.put(settings, new Template(name, code));
	}

	/** The Java migrations and callbacks a Flyway runs besides its SQL files (beans of the context). */
	private static String codeOf(Configuration configuration) {
		return java.util.stream.Stream
			.concat(java.util.Arrays.stream(configuration.getJavaMigrations()).map(m -> m.getClass().getName()),
					java.util.Arrays.stream(configuration.getCallbacks()).map(c -> c.getClass().getName()))
			.sorted()
			.toList()
			.toString();
	}

	/** The context's {@code spring.flyway.*} settings but those that only say where Flyway connects. */
	private static String flywaySettings(ConfigurableEnvironment environment) {
		Map<String, String> settings = new TreeMap<>();
		for (var source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String key : enumerable.getPropertyNames()) {
					if (key.startsWith("spring.flyway.") && !CONNECTION_SETTINGS.contains(key)) {
						settings.putIfAbsent(key, environment.getProperty(key));
					}
				}
			}
		}
		return settings.toString();
	}

	/**
	 * The same database as the context's data source, as the owner (issue 16: the application's role may not switch a
	 * trigger off or see past the policies): for a test's own clean-up or tampering, never for what the application does.
	 */
	public static org.springframework.jdbc.core.simple.JdbcClient asOwner(javax.sql.DataSource dataSource) {
		try {
			String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
			return org.springframework.jdbc.core.simple.JdbcClient
				.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", ""));
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Grants (and default privileges) of the application's role in a fresh database; copies inherit them. */
	private static void prepareApplicationRole(EmbeddedPostgres pg, String database) {
		try (var c = pg.getDatabase("postgres", database).getConnection()) {
			ApplicationRole.prepare(c, APP_PASSWORD);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static synchronized void log(String line) {
		try {
			Files.createDirectories(CONTEXT_LOG.getParent());
			Files.writeString(CONTEXT_LOG, line + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			// a diagnostic only
		}
	}

	/** The test JVM's server (tests that need it directly, e.g. to create a role). */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				// binaries of its own: the library keeps the first prepared directory per resolver for the whole JVM,
				// and tests of the default database's server prepare theirs in temporary directories they delete
				PgBinaryResolver own = DefaultPostgresBinaryResolver.INSTANCE::getPgBinary;
				postgres = EmbeddedPostgres.builder()
					.setPgBinaryResolver(own)
					.setOverrideWorkingDirectory(Path.of("target", "embedded-pg-tests").toAbsolutePath().toFile())
					.setServerConfig("max_connections", "300")
					// issue 15 item 7: a test server's data need not survive a crash of the machine (each run makes
					// its databases anew), so it does not wait for the disk: no fsync at commits, checkpoints and
					// database copies, no full-page images in the WAL. The application's own server keeps them on.
					.setServerConfig("fsync", "off")
					.setServerConfig("full_page_writes", "off")
					.start();
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

	private record Template(String name, String code) {
	}

}
