package cn.wucheng.cq.security.internal;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusals;

/**
 * The TOTP second factor of an account (等保 2.0 "两种或两种以上组合的鉴别技术", ASVS 6.5/6.6): enrolment with a fresh
 * secret shown once, verification of a code at sign-in (each code once), and the security administrator's reset
 * when a phone is lost. Secrets are stored encrypted ({@link SecondFactorSecrets}).
 */
@Service
class SecondFactorService {

	private static final String ENTITY = "app_user";

	private final JdbcClient jdbc;

	private final SecondFactorSecrets secrets;

	private final Clock clock;

	private final AuditLog audit;

	private final Refusals refusals;

	private final SessionTerminator sessions;

	SecondFactorService(JdbcClient jdbc, SecondFactorSecrets secrets, Clock clock, AuditLog audit,
			SessionTerminator sessions, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.audit = audit;
		this.sessions = sessions;
	}

	/**
	 * Saves the secret the user's app now holds, once he has typed a valid code of it. Returns false for a wrong
	 * code (nothing saved). An account that has a second factor keeps it: only the security administrator resets it.
	 */
	@Transactional
	boolean enrol(String username, byte[] secret, String code) {
		OptionalLong step = Totp.match(secret, code, Totp.step(clock.instant()), null);
		if (step.isEmpty()) {
			return false;
		}
		int updated = jdbc.sql("""
				update app_user set totp_secret = ?, totp_enabled = true, totp_last_step = ?, version = version + 1
				where username = ? and not totp_enabled""")
			.params(secrets.encrypt(secret, username), step.getAsLong(), username)
			.update();
		if (updated == 0) {
			return false;
		}
		audit.record("SECOND_FACTOR_ENROLLED", ENTITY, username, refusals.message("security.audit.secondFactorEnrolled"), null, null);
		return true;
	}

	/** What a code typed at sign-in turned out to be. */
	enum Check {

		/** Right and not used before: the sign-in is complete. */
		ACCEPTED,

		/**
		 * Right, but of a step already used (RFC 6238 §5.2: each code once) — typically the code that enrolled the
		 * app, typed again within the same 30 seconds. Refused, but no failed attempt: only someone who has the app
		 * can type it, and counting it locked the administrator out at his first sign-in (issue 13).
		 */
		ALREADY_USED,

		/** Wrong or too old: counted towards the lock. */
		WRONG

	}

	/**
	 * Checks a code at sign-in. Accepts the current 30-second step or one either side, and only a step after the
	 * last one accepted — the conditional update makes two requests with the same code accept at most one (the
	 * other is told the code was used).
	 */
	@Transactional
	Check verify(String username, String code) {
		record Stored(String secret, Long lastStep) {
		}
		Stored stored = jdbc.sql("select totp_secret, totp_last_step from app_user where username = ? and totp_enabled")
			.param(username)
			.query((rs, n) -> new Stored(rs.getString("totp_secret"), (Long) rs.getObject("totp_last_step", Long.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("no second factor for " + username));
		byte[] secret = secrets.decrypt(stored.secret(), username);
		long now = Totp.step(clock.instant());
		OptionalLong step = Totp.match(secret, code, now, stored.lastStep());
		if (step.isEmpty()) {
			return Totp.alreadyUsed(secret, code, now, stored.lastStep()) ? Check.ALREADY_USED : Check.WRONG;
		}
		boolean accepted = jdbc.sql("""
				update app_user set totp_last_step = ?
				where username = ? and (totp_last_step is null or totp_last_step < ?)""")
			.params(step.getAsLong(), username, step.getAsLong())
			.update() == 1;
		return accepted ? Check.ACCEPTED : Check.ALREADY_USED;
	}

	boolean enrolled(String username) {
		return jdbc.sql("select count(*) from app_user where username = ? and totp_enabled")
			.param(username)
			.query(Integer.class)
			.single() == 1;
	}

	/** The security administrator removes a lost second factor: the user enrols a new one at his next sign-in. */
	@Transactional
	void reset(String username) {
		int updated = jdbc.sql("""
				update app_user set totp_secret = null, totp_enabled = false, totp_last_step = null,
				  version = version + 1
				where username = ? and totp_enabled""").param(username).update();
		if (updated == 1) {
			sessions.endAll(username);
			audit.record("SECOND_FACTOR_RESET", ENTITY, username, refusals.message("security.audit.secondFactorReset"), null, null);
		}
	}

}
