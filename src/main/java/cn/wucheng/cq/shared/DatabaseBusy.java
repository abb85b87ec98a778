package cn.wucheng.cq.shared;

import java.sql.SQLTransientConnectionException;

/**
 * The database cannot serve now: no pooled connection came free within {@code spring.datasource.hikari.connection-timeout}
 * (HikariCP's {@link SQLTransientConnectionException}, wrapped by Spring as {@code CannotGetJdbcConnectionException},
 * {@code CannotCreateTransactionException}, or by Spring Security as {@code InternalAuthenticationServiceException}).
 * Such a request answers 503 with {@code Retry-After} (issue 11: it hung, or sign-in said the password was wrong) —
 * see {@code web/DatabaseBusyFilter}.
 */
public final class DatabaseBusy {

	/** Seconds a client is asked to wait before trying again. */
	public static final int RETRY_AFTER_SECONDS = 10;

	private DatabaseBusy() {
	}

	/** Whether the exception, or one of its causes, says that no connection could be had in time. */
	public static boolean causedBy(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
