package cn.wucheng.cq.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Helpers around accounts shared by the security internals. */
public final class Accounts {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Accounts() {
	}

	/** Maps one {@code app_user} row to the principal, with the lock and expiry as evaluated by the caller. */
	public static AccountPrincipal principal(ResultSet rs, boolean locked, boolean passwordExpired) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		long person = rs.getLong("person_id");
		Long personId = rs.wasNull() ? null : person;
		Role role = Role.valueOf(rs.getString("role"));
		CurrentUser user = new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				role, unitId, personId);
		boolean enrolled = rs.getBoolean("totp_enabled");
		// 三员 must have a second factor; others who chose one use it too.
		long bureau = rs.getLong("bureau_id");
		Long bureauId = rs.wasNull() ? null : bureau;
		return new AccountPrincipal(user, rs.getString("password_hash"), rs.getBoolean("enabled"), locked,
				rs.getBoolean("must_change_password"), passwordExpired, enrolled, enrolled || role.administrative(),
				bureauId, rs.getString("city"));
	}

	/**
	 * Which of the given usernames an account of any bureau holds (compared without case): usernames are unique in
	 * the installation, but the bureau policy hides the other bureaus' accounts, so a check in {@code app_user} alone
	 * would miss them and the insert fail on the unique constraint. {@code cq_usernames_taken} (migration 9.50, issue
	 * 16) looks with the owner's rights and answers nothing but the taken names.
	 */
	public static java.util.List<String> taken(org.springframework.jdbc.core.simple.JdbcClient jdbc,
			java.util.Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("select * from cq_usernames_taken(?::varchar[])")
			.param(usernames.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** A random password with upper and lower case letters and digits, for first start. */
	public static String generatePassword() {
		StringBuilder sb = new StringBuilder("Cq");
		for (int i = 0; i < 14; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.append(RANDOM.nextInt(10)).toString();
	}

}
