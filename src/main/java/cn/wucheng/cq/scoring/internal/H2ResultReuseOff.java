package cn.wucheng.cq.scoring.internal;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.20, on H2 only: turns off H2's "reuse results" optimisation (SET OPTIMIZE_REUSE_RESULTS 0,
 * persistent in the database). With it on, H2 2.4 answers a query whose common table expressions stack a UNION or a
 * GROUP BY on a parameterised one with the previous execution's result when only the parameters changed: the ledger's
 * second quarter came back with the first quarter's ranking. PostgreSQL has no such cache; nothing runs there.
 * Every module's set-based SQL benefits, so it is a migration rather than a query hint.
 */
@Component
class H2ResultReuseOff implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2.20");
	}

	@Override
	public String getDescription() {
		return "h2 result reuse off";
	}

	@Override
	public Integer getChecksum() {
		return 220;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
			try (Statement s = connection.createStatement()) {
				s.execute("SET OPTIMIZE_REUSE_RESULTS 0");
			}
		}
	}

}
