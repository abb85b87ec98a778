package cn.wucheng.cq.security.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.Accounts;

/** Loads accounts from {@code app_user}; an account is locked while {@code locked_until} is in the future. */
@Service
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final SecurityClock clock;

	AccountDetailsService(JdbcClient jdbc, SecurityClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return load(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	Optional<AccountPrincipal> load(String username) {
		return jdbc.sql("select * from app_user where username = ?").param(username).query((rs, n) -> {
			Timestamp lockedUntil = rs.getTimestamp("locked_until");
			boolean locked = lockedUntil != null && lockedUntil.toLocalDateTime().isAfter(clock.now());
			return Accounts.principal(rs, locked);
		}).optional();
	}

}
