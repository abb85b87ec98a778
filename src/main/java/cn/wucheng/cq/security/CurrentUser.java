package cn.wucheng.cq.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user with his data scope. Every page and endpoint that reads business data asks it:
 * {@link #unitFilter()} / {@link #personFilter()} give the restriction to put in the query, and
 * {@link #canSeeUnit(Long)} / {@link #canSeePerson(Long, Long)} check one record.
 */
// Serializable: it is the signed-in principal's, kept in the session, which lives in the database (issue 16)
public record CurrentUser(Long userId, String username, String displayName, Role role, Long unitId, Long personId)
		implements java.io.Serializable {

	/** The user of the current request. */
	public static CurrentUser get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
			return p.currentUser();
		}
		throw new IllegalStateException("no signed-in user");
	}

	public static Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? Optional.of(p.currentUser())
				: Optional.empty();
	}

	public boolean readsAll() {
		return role.scope() == Role.Scope.ALL;
	}

	/** The only unit whose data this user may read, if restricted to one. */
	public Optional<Long> unitFilter() {
		return role.scope() == Role.Scope.UNIT ? Optional.of(unitId == null ? -1L : unitId) : Optional.empty();
	}

	/** The only person whose data this user may read, if restricted to himself. */
	public Optional<Long> personFilter() {
		return role.scope() == Role.Scope.SELF ? Optional.of(personId == null ? -1L : personId) : Optional.empty();
	}

	public boolean canSeeUnit(Long unit) {
		return switch (role.scope()) {
			case ALL -> true;
			case UNIT -> unitId != null && unitId.equals(unit);
			case SELF, NONE -> false;
		};
	}

	public boolean canSeePerson(Long person, Long unitOfPerson) {
		return switch (role.scope()) {
			case ALL -> true;
			case UNIT -> unitId != null && unitId.equals(unitOfPerson);
			case SELF -> personId != null && personId.equals(person);
			case NONE -> false;
		};
	}

}
