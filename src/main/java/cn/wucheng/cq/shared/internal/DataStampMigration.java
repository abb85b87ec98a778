package cn.wucheng.cq.shared.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 4.60: the table {@code data_stamp} (one row) and, on every table that scores, rankings and the
 * home page's figures read, a statement trigger that raises it ({@code cn.wucheng.cq.shared.DataStamp}). A Java
 * migration because it once ran on H2 too, without the triggers; its checksum is fixed, so it stays as it ran.
 */
@Component
class DataStampMigration implements JavaMigration {

	static final List<String> TABLES = List.of("case_file", "case_return", "case_import_flag", "deduction_item",
			"excellent_award", "person", "person_unit_history", "unit", "setting", "yearly_standard", "rollout_batch",
			"calendar_day", "training_attendee", "training_session", "training_plan", "training_plan_item",
			// finalising or re-opening a quarter switches the ledger between its snapshot and the live data
			"quarter_publication", "score_freeze");

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("4.60");
	}

	@Override
	public String getDescription() {
		return "data stamp";
	}

	@Override
	public Integer getChecksum() {
		return 460;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement s = connection.createStatement()) {
			s.execute("create table data_stamp (id int primary key, changes bigint not null)");
			s.execute("insert into data_stamp (id, changes) values (1, 0)");
			{
				s.execute("""
						create function data_stamp_raise() returns trigger language plpgsql as $$
						begin
						  -- once per transaction: all its changes become visible with this one raise, at commit.
						  -- (Raising per statement made a batch of n statements walk n versions of the row each: n².)
						  if current_setting('cq.data_stamp_raised', true) = 'y' then
						    return null;
						  end if;
						  update data_stamp set changes = changes + 1 where id = 1;
						  perform set_config('cq.data_stamp_raised', 'y', true);
						  return null;
						end $$""");
			}
			for (String table : TABLES) {
				if (exists(connection, table)) {
					s.execute("create trigger data_stamp_" + table + " after insert or update or delete or truncate on "
							+ table + " for each statement execute function data_stamp_raise()");
				}
			}
		}
	}

	private static boolean exists(Connection connection, String table) throws java.sql.SQLException {
		try (var rs = connection.getMetaData().getTables(null, null, table, new String[] { "TABLE" })) {
			return rs.next();
		}
	}

}
