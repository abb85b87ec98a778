package cn.wucheng.cq.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.Accounts;

/**
 * Loads accounts from {@code app_user}; an account is locked while {@code locked_until} is in the future, and its
 * password has expired {@code cq.security.password-expiry-days} after it was last set (or the account created).
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int expiryDays;

	AccountDetailsService(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.expiryDays = properties.passwordExpiryDays();
	}

	/** 等保 2.0 口令定期更换: a password set at {@code setAt} has expired at {@code now}; {@code days} 0 = never. */
	static boolean expired(LocalDateTime setAt, int days, LocalDateTime now) {
		return days > 0 && setAt != null && !now.isBefore(setAt.plusDays(days));
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return load(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	Optional<AccountPrincipal> load(String username) {
		return jdbc.sql("select * from app_user where username = ?").param(username).query((rs, n) -> {
			LocalDateTime now = LocalDateTime.now(clock);
			Timestamp lockedUntil = rs.getTimestamp("locked_until");
			boolean locked = lockedUntil != null && lockedUntil.toLocalDateTime().isAfter(now);
			Timestamp changed = rs.getTimestamp("password_changed_at");
			Timestamp set = changed != null ? changed : rs.getTimestamp("created_at");
			return Accounts.principal(rs, locked, expired(set.toLocalDateTime(), expiryDays, now));
		}).optional();
	}

}
