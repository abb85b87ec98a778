package cn.wucheng.cq.bureau;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bureau the current work is for (issue 16). In order: an explicit {@link #runAs} scope (scheduled jobs, the drop
 * folder, start-up, the demo loader, signing in); else the signed-in account's bureau; else none, which the database
 * reads as the installation's only bureau when there is exactly one, and as "no bureau" — nothing visible, nothing
 * writable — when there are several. The database module sets it on every connection it hands out.
 */
public final class Bureaus {

	private static final ThreadLocal<Long> SCOPE = new ThreadLocal<>();

	/**
	 * Set while the signed-in account is being looked up: the security context of a request is loaded lazily from the
	 * session, which is in the database, so asking for it takes a connection, whose bureau is asked for again.
	 * The inner question answers "none" (the sessions' table has no bureau) instead of recursing until the pool is empty.
	 */
	private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

	/** Set around work on the installation's own tables ({@link #ofTheInstallation}). */
	private static final ThreadLocal<Boolean> INSTALLATION = new ThreadLocal<>();

	private Bureaus() {
	}

	/** The bureau of the current work, if one is known (see the class comment). */
	public static Optional<Long> current() {
		Long scoped = SCOPE.get();
		if (scoped != null) {
			return Optional.of(scoped);
		}
		if (RESOLVING.get() != null || INSTALLATION.get() != null) {
			return Optional.empty();
		}
		RESOLVING.set(Boolean.TRUE);
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof BureauMember member) {
				return Optional.ofNullable(member.bureauId());
			}
			return Optional.empty();
		}
		finally {
			RESOLVING.remove();
		}
	}

	/**
	 * Runs {@code work} on the installation's own tables, which no bureau scopes — the signed-in sessions: no bureau is
	 * asked for (so no signed-in account is looked up, which would load the session being loaded: a second lookup of
	 * it on every request) and the database module sets none on the connections it hands out meanwhile.
	 */
	public static <T> T ofTheInstallation(Supplier<T> work) {
		if (INSTALLATION.get() != null) {
			return work.get();
		}
		INSTALLATION.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			INSTALLATION.remove();
		}
	}

	/** Whether the current work is on the installation's own tables ({@link #ofTheInstallation}). */
	public static boolean ofTheInstallation() {
		return INSTALLATION.get() != null && SCOPE.get() == null;
	}

	/** Runs {@code work} for the given bureau; whatever it reads and writes in the database is that bureau's. */
	public static <T> T runAs(long bureauId, Supplier<T> work) {
		Long before = SCOPE.get();
		SCOPE.set(bureauId);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				SCOPE.remove();
			}
			else {
				SCOPE.set(before);
			}
		}
	}

	/**
	 * Enters the bureau's scope until the returned scope is closed, for work that cannot be wrapped in {@link #runAs}:
	 * a request whose handler runs between an interceptor's two calls (the API's {@code bureau} parameter, issue 16).
	 * Scopes nest; close them in the reverse order of entering.
	 */
	public static Scope enter(long bureauId) {
		Long before = SCOPE.get();
		SCOPE.set(bureauId);
		return () -> {
			if (before == null) {
				SCOPE.remove();
			}
			else {
				SCOPE.set(before);
			}
		};
	}

	/** A bureau's scope entered with {@link #enter}; closing it restores the scope before. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	/** {@link #runAs(long, Supplier)} for work without a result. */
	public static void runAs(long bureauId, Runnable work) {
		runAs(bureauId, () -> {
			work.run();
			return null;
		});
	}

}
