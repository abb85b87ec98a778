package cn.wucheng.cq.security.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.Accounts;

/** Loads accounts from {@code app_user}. */
@Service
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select * from app_user where username = ?")
			.param(username)
			.query((rs, n) -> {
				Timestamp lockedUntil = rs.getTimestamp("locked_until");
				boolean locked = lockedUntil != null && lockedUntil.toLocalDateTime().isAfter(LocalDateTime.now());
				return Accounts.principal(rs, locked);
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
