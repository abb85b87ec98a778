package cn.wucheng.cq.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.Accounts;
import cn.wucheng.cq.security.Role;

/**
 * On first start with no users, creates {@code admin} and {@code legal} (API.md), and the other two of the three
 * administrators (三员分立): {@code security} (安全管理员) and {@code audit} (审计管理员). Passwords come from
 * CQ_ADMIN_PASSWORD / CQ_LEGAL_PASSWORD / CQ_SECURITY_PASSWORD / CQ_AUDIT_PASSWORD when set; otherwise each is
 * generated, written to {@value #PASSWORD_FILE} in the data directory (readable by its owner only), and must be
 * changed at first login. A database from before the three administrators gets
 * {@code security} and {@code audit} on its next start when no account holds their role.
 * <p>
 * These are the installation's first bureau's accounts (issue 16), counted and created within it: with several
 * bureaus a connection that names none sees no account at all (the policies), so a restart counted none and its
 * inserts were refused — an installation with a second bureau could not start again (bench/run.sh, 2026-12-07).
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	static final String PASSWORD_FILE = "initial-passwords.txt";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Environment env;

	private final AuditLog audit;

	private final Clock clock;

	private final Path passwordFile;

	private final MessageSource messages;

	private final BureauDirectory bureaus;

	private final TransactionTemplate transactions;

	AccountBootstrap(JdbcClient jdbc, PasswordEncoder encoder, Environment env, AuditLog audit, Clock clock,
			@Value("${cq.data-dir:./data}") Path dataDir, MessageSource messages, BureauDirectory bureaus,
			PlatformTransactionManager transactionManager) {
		this.bureaus = bureaus;
		this.transactions = new TransactionTemplate(transactionManager);
		this.passwordFile = dataDir.resolve(PASSWORD_FILE).toAbsolutePath().normalize();
		this.messages = messages;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.env = env;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Not in a transaction of its own: the connection's bureau is set when it is handed out, so the transaction is
	 * begun within the first bureau.
	 */
	@Override
	public void run(ApplicationArguments args) {
		long first = bureaus.all().stream().mapToLong(Bureau::id).min().orElseThrow();
		Bureaus.runAs(first, () -> transactions.execute(status -> {
			createFirstAccounts();
			return null;
		}));
	}

	private void createFirstAccounts() {
		Integer users = jdbc.sql("select count(*) from app_user").query(Integer.class).single();
		if (users == 0) {
			// each account's display name is its role's (系统管理员, 法制科…)
			create("admin", Role.ADMIN, env.getProperty("CQ_ADMIN_PASSWORD"));
			create("legal", Role.LEGAL, env.getProperty("CQ_LEGAL_PASSWORD"));
		}
		createIfNoneHolds("security", Role.SECURITY_ADMIN, env.getProperty("CQ_SECURITY_PASSWORD"));
		createIfNoneHolds("audit", Role.AUDIT_ADMIN, env.getProperty("CQ_AUDIT_PASSWORD"));
	}

	private void createIfNoneHolds(String username, Role role, String given) {
		long holders = jdbc.sql("select count(*) from app_user where role = ? or lower(username) = ?")
			.params(role.name(), username)
			.query(Long.class)
			.single();
		if (holders == 0) {
			create(username, role, given);
		}
	}

	private void create(String username, Role role, String given) {
		String displayName = messages.getMessage("role." + role.name(), null, LocaleContextHolder.getLocale());
		boolean generated = given == null || given.isBlank();
		String password = generated ? Accounts.generatePassword() : given;
		LocalDateTime now = LocalDateTime.now(clock);
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, must_change_password,
				  password_changed_at, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(username, encoder.encode(password), displayName, role.name(), generated, now, now)
			.update();
		audit.record("ACCOUNT_CREATED", "app_user", username,
				messages.getMessage("security.audit.bootstrapCreated", new Object[] { displayName },
						LocaleContextHolder.getLocale()),
				null, null);
		if (generated) {
			// The password goes to an owner-only file, not to the log: 等保 (数据保密性, 安全审计) wants no secret in
			// logs, which are shipped, rotated and read by people who operate the server but should not sign in as
			// admin. The log says where the file is (issue 13: the log alone was hard to find and kept the secret).
			writePassword(username, password);
			// the operator of a Chinese installation reads it: the words are in messages-security.properties
			log.warn(messages.getMessage("security.log.createdWithFile", new Object[] { username, passwordFile },
					LocaleContextHolder.getLocale()));
		}
		else {
			log.info(messages.getMessage("security.log.createdFromEnvironment", new Object[] { username },
					LocaleContextHolder.getLocale()));
		}
	}

	/**
	 * Appends "username password" to the password file, created owner-only (rw-------) before anything is written
	 * into it. Appends: a later start may add {@code security} and {@code audit} to an older database.
	 */
	private void writePassword(String username, String password) {
		try {
			Files.createDirectories(passwordFile.getParent());
			try {
				Files.createFile(passwordFile,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(passwordFile, "# " + messages.getMessage("account.initialPasswords.header", null,
						LocaleContextHolder.getLocale()) + System.lineSeparator(), StandardCharsets.UTF_8);
			}
			catch (FileAlreadyExistsException e) {
				// kept from an earlier start: append
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system (Windows): the data directory's protection has to do
				Files.writeString(passwordFile, "", StandardOpenOption.CREATE);
			}
			Files.writeString(passwordFile, username + " " + password + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the initial passwords to " + passwordFile, e);
		}
	}

}
