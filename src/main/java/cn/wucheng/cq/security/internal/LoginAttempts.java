package cn.wucheng.cq.security.internal;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

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

/**
 * Login lockout: {@value #MAX_FAILURES} consecutive wrong passwords lock an account for 15 minutes; a successful login
 * resets the count. Listens to Spring Security's authentication events, so form login and HTTP Basic count alike.
 * Failures and locks are audited; interactive (form) logins are audited by {@link #recordLogin(String)}.
 */
@Component
class LoginAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private static final String ENTITY = "app_user";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SecurityClock clock;

	LoginAttempts(JdbcClient jdbc, AuditLog audit, SecurityClock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		// Conditional, so HTTP Basic calls of a script do not write on every request.
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null
				where username = ? and (failed_attempts > 0 or locked_until is not null)""")
			.param(event.getAuthentication().getName())
			.update();
	}

	@EventListener
	@Transactional
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String reason = event.getException().getClass().getSimpleName();
		audit.recordAs(username, "LOGIN_FAILURE", ENTITY, username, reason);
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
			return; // locked or disabled accounts: the attempt does not extend the lock
		}
		int updated = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = ?")
			.param(username)
			.update();
		if (updated == 0) {
			return; // no such account
		}
		int failures = jdbc.sql("select failed_attempts from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
		if (failures >= MAX_FAILURES) {
			var until = clock.now().plus(LOCK_DURATION);
			// The count starts again after the lock: another 5 failures lock it again.
			jdbc.sql("update app_user set failed_attempts = 0, locked_until = ? where username = ?")
				.params(until, username)
				.update();
			audit.recordAs(username, "ACCOUNT_LOCKED", ENTITY, username,
					"连续 " + failures + " 次密码错误，锁定至 " + until.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
			log.warn("Account {} locked until {} after {} failed logins", username, until, failures);
		}
	}

	/** A successful interactive (form) login. */
	@Transactional
	public void recordLogin(String username) {
		audit.recordAs(username, "LOGIN_SUCCESS", ENTITY, username, null);
	}

}
