package cn.wucheng.cq.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.Bureaus;

/**
 * A new bureau's first accounts (issue 16): its security administrator and its system administrator, as the first
 * start gives the installation's first bureau ({@code AccountBootstrap}), but with generated passwords only — shown
 * once to the province's legal office that opened the bureau, to be changed at first sign-in (as 开通账号 does), and
 * with a second factor to enrol then (三员). Their usernames are the bureau's code with {@code -security} and
 * {@code -admin}: usernames are unique in the installation, so they are checked against every bureau's accounts.
 * The security administrator then opens the bureau's other accounts (the audit administrator among them).
 */
@Service
public class FirstAdministrators {

	/** The roles a new bureau starts with, in the order they are shown (三员分立: the security administrator first). */
	static final List<Role> ROLES = List.of(Role.SECURITY_ADMIN, Role.ADMIN);

	/** An account opened with a generated password: shown once, never stored in clear. */
	public record Issued(String username, String displayName, Role role, String password)
			implements java.io.Serializable {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	FirstAdministrators(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Clock clock, MessageSource messages,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The usernames a bureau of this code gets (its security administrator's first). */
	public List<String> usernames(String bureauCode) {
		return ROLES.stream().map(r -> username(bureauCode, r)).toList();
	}

	/**
	 * Those of {@link #usernames} already held by an account of any bureau ({@link Accounts#taken}: past the bureau
	 * policy, which hides the other bureaus' accounts).
	 */
	public List<String> taken(String bureauCode) {
		return Accounts.taken(jdbc, usernames(bureauCode));
	}

	/**
	 * Opens the bureau's first administrators, within that bureau ({@link Bureaus#runAs}: their rows and the audit
	 * entries are the new bureau's, which its audit administrator reads later). Joins the caller's transaction, which
	 * must already be within the bureau ({@code BureauDirectory.withinTransaction}) if it began in another. Returns the
	 * generated passwords, to be shown once.
	 */
	public List<Issued> open(long bureauId, String bureauCode) {
		return Bureaus.runAs(bureauId, () -> transactions.execute(status -> {
			List<Issued> issued = new ArrayList<>();
			LocalDateTime now = LocalDateTime.now(clock);
			for (Role role : ROLES) {
				String username = username(bureauCode, role);
				String displayName = message("role." + role.name());
				String password = Accounts.generatePassword();
				jdbc.sql("""
						insert into app_user (username, password_hash, display_name, role, enabled,
						  must_change_password, created_at)
						values (?, ?, ?, ?, true, true, ?)""")
					.params(username, encoder.encode(password), displayName, role.name(), now)
					.update();
				audit.record("ACCOUNT_CREATED", "app_user", username,
						message("region.bureaus.audit.administratorCreated", displayName), null, null);
				issued.add(new Issued(username, displayName, role, password));
			}
			return List.copyOf(issued);
		}));
	}

	private static String username(String bureauCode, Role role) {
		return bureauCode + (role == Role.SECURITY_ADMIN ? "-security" : "-admin");
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
