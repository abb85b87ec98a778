package cn.wucheng.cq.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusals;

/**
 * Login lockout: {@code cq.security.lockout-max-failures} (5) consecutive wrong passwords lock an account for
 * {@code cq.security.lockout-duration} (15 minutes); a successful login resets the count. Listens to Spring Security's authentication events, so form login and HTTP Basic count alike.
 * Failures and locks are audited; interactive (form) logins are audited by {@link #recordLogin(String)}.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private static final String ENTITY = "app_user";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals refusals;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	LoginAttempts(JdbcClient jdbc, AuditLog audit, Clock clock, SecurityProperties properties, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.maxFailures = properties.lockoutMaxFailures();
		this.lockDuration = properties.lockoutDuration();
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		// Conditional, so HTTP Basic calls of a script do not write on every request. With a second factor the
		// password alone does not reset the count: wrong codes would otherwise be free after each password login.
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null
				where username = ? and (failed_attempts > 0 or locked_until is not null)
				  and not totp_enabled and role not in ('ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')""")
			.param(event.getAuthentication().getName())
			.update();
	}

	/** The second factor was verified: the sign-in is complete, the count starts again. */
	@Transactional
	public void secondFactorPassed(String username) {
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null
				where username = ? and (failed_attempts > 0 or locked_until is not null)""").param(username).update();
	}

	/**
	 * A wrong second-factor code: counted with wrong passwords towards the lock (RFC 4226 §7.3 throttling).
	 * Returns whether the account is now locked.
	 */
	@Transactional
	public boolean secondFactorFailed(String username) {
		audit.recordAs(username, "SECOND_FACTOR_FAILURE", ENTITY, username, refusals.message("security.audit.secondFactorFailed"));
		return countFailure(username, "security.audit.lockedAfterCodes");
	}

	// Not when the database gave no connection in time: that is no failed attempt, and recording it would wait for
	// a connection again before the request can answer 503 (DatabaseBusy).
	@EventListener(condition = "!T(cn.wucheng.cq.shared.DatabaseBusy).causedBy(#event.exception)")
	@Transactional
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String reason = event.getException().getClass().getSimpleName();
		audit.recordAs(username, "LOGIN_FAILURE", ENTITY, username, reason);
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
			return; // locked or disabled accounts: the attempt does not extend the lock
		}
		countFailure(username, "security.audit.lockedAfterPasswords");
	}

	private boolean countFailure(String username, String lockedKey) {
		int updated = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = ?")
			.param(username)
			.update();
		if (updated == 0) {
			return false; // no such account
		}
		int failures = jdbc.sql("select failed_attempts from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
		if (failures >= maxFailures) {
			var until = LocalDateTime.now(clock).plus(lockDuration);
			// The count starts again after the lock: as many failures again lock it again.
			jdbc.sql("update app_user set failed_attempts = 0, locked_until = ? where username = ?")
				.params(until, username)
				.update();
			audit.recordAs(username, "ACCOUNT_LOCKED", ENTITY, username,
					refusals.message(lockedKey, failures, until.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
			log.warn("Account {} locked until {} after {} failed logins", username, until, failures);
			return true;
		}
		return false;
	}

	/**
	 * Where an existing account stands after a failed sign-in, for the login page: locked until when, or how many
	 * tries are left before it locks. Empty for no such account (see {@link SignInFailureHandler} on enumeration).
	 */
	Optional<Standing> standing(String username) {
		LocalDateTime now = LocalDateTime.now(clock);
		return jdbc.sql("select failed_attempts, locked_until from app_user where username = ?")
			.param(username)
			.query((rs, n) -> {
				var until = rs.getTimestamp("locked_until");
				LocalDateTime lockedUntil = until != null && until.toLocalDateTime().isAfter(now)
						? until.toLocalDateTime() : null;
				return new Standing(lockedUntil, Math.max(0, maxFailures - rs.getInt("failed_attempts")));
			})
			.optional();
	}

	/** @param lockedUntil null when not locked @param triesLeft wrong passwords or codes before it locks */
	record Standing(LocalDateTime lockedUntil, int triesLeft) {

		boolean locked() {
			return lockedUntil != null;
		}

	}

	/** A successful interactive (form) login. */
	@Transactional
	public void recordLogin(String username) {
		audit.recordAs(username, "LOGIN_SUCCESS", ENTITY, username, null);
	}

}
