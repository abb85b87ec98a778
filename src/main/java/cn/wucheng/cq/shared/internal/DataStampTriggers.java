package cn.wucheng.cq.shared.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After every Flyway migrate on PostgreSQL: the data-stamp trigger of migration 4.60 on <em>every</em> table of the
 * schema but those below, including the tables later migrations add. So whatever a page caches under
 * {@code cn.wucheng.cq.shared.DataStamp} — scores, rankings, the dashboard's review, recording and task figures, the
 * reminders — is recomputed after any committed change to business data, and no list of "tables this result reads"
 * can fall behind the code (province-scale issue: caches invalidated correctly).
 * <p>
 * Not watched: the audit trail (written on every change, and by sign-ins), accounts and their password history
 * (sign-ins and lock-outs are not business data), the stamp itself and Flyway's history, and the tables of several
 * instances on one database (issue 16): the sessions, written by every request, and the scheduled jobs' locks.
 */
@Component
class DataStampTriggers implements Callback {

	static final Set<String> NOT_WATCHED = Set.of("audit_log", "audit_chain", "audit_retention", "app_user",
			"password_history", "data_stamp", "flyway_schema_history", "spring_session", "spring_session_attributes",
			"shedlock");

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		try {
			List<String> missing = new ArrayList<>();
			try (PreparedStatement q = connection.prepareStatement("""
					select t.table_name from information_schema.tables t
					where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
					  and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
					                  join pg_namespace n on n.oid = c.relnamespace
					                  where n.nspname = current_schema() and c.relname = t.table_name
					                    and g.tgname = 'data_stamp_' || t.table_name)
					order by 1"""); ResultSet rs = q.executeQuery()) {
				while (rs.next()) {
					if (!NOT_WATCHED.contains(rs.getString(1))) {
						missing.add(rs.getString(1));
					}
				}
			}
			try (Statement s = connection.createStatement()) {
				for (String table : missing) {
					// names from the catalogue of our own schema, checked to be plain identifiers
					if (!table.matches("[a-z_][a-z0-9_]*")) {
						throw new IllegalStateException("unexpected table name: " + table);
					}
					s.execute("create trigger data_stamp_" + table + " after insert or update or delete or truncate on "
							+ table + " for each statement execute function data_stamp_raise()");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("data-stamp triggers could not be created", e);
		}
	}

	@Override
	public String getCallbackName() {
		return "data stamp on every table";
	}

}
