package cn.wucheng.cq.database;

import java.util.Set;

/**
 * Which tables are a bureau's (issue 16): every table of the schema has {@code bureau_id} and the row-level security
 * policies of migration 9.01 — but these, the one place they are named. {@code BureauIsolationTests} fails on a table
 * that is neither scoped nor listed here, so a migration adding a table either scopes it (add
 * {@code bureau_id bigint not null default cq_bureau() references bureau}, {@code enable row level security} and the
 * policy {@code bureau_only} as 9.01 does) or says here why it is the installation's.
 */
public final class BureauScope {

	/** Tables of the installation, not of a bureau. */
	public static final Set<String> UNSCOPED_TABLES = Set.of(
			// the schema's history (the owner's)
			"flyway_schema_history",
			// several instances on one database: the sessions (a session is found before its user) and the job locks
			"spring_session", "spring_session_attributes", "shedlock",
			// a counter raised by every change (caches key by bureau as well), no data of its own
			"data_stamp",
			// the audit chain's head and the legal retention floor: one for the installation
			"audit_chain", "audit_retention",
			// the bureaus themselves: every bureau may know the others' names
			"bureau");

	/**
	 * Scoped, but read by every bureau where {@code bureau_id} is null: the province's working-day calendar (its
	 * holidays and 调休 days); a bureau's own days have its id.
	 */
	public static final Set<String> SHARED_WHERE_NULL = Set.of("calendar_day");

	private BureauScope() {
	}

}
