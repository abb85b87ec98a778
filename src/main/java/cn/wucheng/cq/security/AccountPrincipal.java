package cn.wucheng.cq.security;

import cn.wucheng.cq.bureau.BureauMember;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: account flags for Spring Security plus the {@link CurrentUser} with its scope. */
public final class AccountPrincipal implements UserDetails, BureauMember {

	private final CurrentUser user;

	private final String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private final boolean passwordExpired;

	private final boolean secondFactorEnrolled;

	private final boolean secondFactorPending;

	/** The account's bureau (issue 16); null when not known (a principal built for a test). */
	private final Long bureauId;

	/** The city whose bureaus a city account compares (issue 16 item 3); null for every other account. */
	private final String city;

	AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword,
			boolean passwordExpired, boolean secondFactorEnrolled, boolean secondFactorPending, Long bureauId,
			String city) {
		this.user = user;
		this.bureauId = bureauId;
		this.city = city;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
		this.passwordExpired = passwordExpired;
		this.secondFactorEnrolled = secondFactorEnrolled;
		this.secondFactorPending = secondFactorPending;
	}

	/** An enabled, unlocked principal with nothing pending: for a signed-in session and for tests. */
	public static AccountPrincipal active(CurrentUser user) {
		return new AccountPrincipal(user, "", true, false, false, false, false, false, null, null);
	}

	/** The same, of an account of the given bureau (issue 16; several bureaus, and tests of their isolation). */
	public static AccountPrincipal active(CurrentUser user, long bureauId) {
		return new AccountPrincipal(user, "", true, false, false, false, false, false, bureauId, null);
	}

	/** The same, of a city account (issue 16 item 3: a city's roles compare the bureaus of that city). */
	public static AccountPrincipal active(CurrentUser user, long bureauId, String city) {
		return new AccountPrincipal(user, "", true, false, false, false, false, false, bureauId, city);
	}

	/** The same principal once the second factor has been verified in this session. */
	public AccountPrincipal withSecondFactorVerified() {
		return new AccountPrincipal(user, passwordHash, enabled, locked, mustChangePassword, passwordExpired, true,
				false, bureauId, city);
	}

	/** The city whose bureaus this account compares (a city role's); null for any other account. */
	public String city() {
		return city;
	}

	/** The bureau whose data this account sees and changes (the database's row-level security keys on it). */
	@Override
	public Long bureauId() {
		return bureauId;
	}

	public CurrentUser currentUser() {
		return user;
	}

	/**
	 * The same as {@link #currentUser()} as a JavaBean getter: the layout's
	 * {@code sec:authentication="principal.currentUser.displayName"} reads properties with a BeanWrapper, which
	 * knows only getters.
	 */
	public CurrentUser getCurrentUser() {
		return user;
	}

	/** For the layout's user area ({@code sec:authentication="principal.displayName"} needs a bean getter). */
	public String getDisplayName() {
		return user.displayName();
	}

	/** The password was generated (first login, reset) or has expired: it must be changed before anything else. */
	public boolean mustChangePassword() {
		return mustChangePassword || passwordExpired;
	}

	/** The account has a TOTP second factor. */
	public boolean secondFactorEnrolled() {
		return secondFactorEnrolled;
	}

	/**
	 * The password was right but the second factor is still to be verified (or, for an administrator without one,
	 * enrolled): nothing but the second-factor page until then.
	 */
	public boolean secondFactorPending() {
		return secondFactorPending;
	}

	/** The password is older than {@code cq.security.password-expiry-days}. */
	public boolean passwordExpired() {
		return passwordExpired;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(user.role().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** The same user, as Spring Security's session registry needs to find all sessions of one user. */
	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal p && p.getUsername().equals(getUsername());
	}

	@Override
	public int hashCode() {
		return getUsername().hashCode();
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + getUsername() + "]"; // never the hash
	}

}
