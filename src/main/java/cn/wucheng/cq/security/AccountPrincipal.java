package cn.wucheng.cq.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal: account flags for Spring Security plus the {@link CurrentUser} with its scope. */
public final class AccountPrincipal implements UserDetails {

	private final CurrentUser user;

	private final String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
	}

	/** An enabled, unlocked principal with nothing pending: for a signed-in session and for tests. */
	public static AccountPrincipal active(CurrentUser user) {
		return new AccountPrincipal(user, "", true, false, false);
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

	public boolean mustChangePassword() {
		return mustChangePassword;
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

}
