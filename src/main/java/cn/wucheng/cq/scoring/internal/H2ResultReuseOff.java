package cn.wucheng.cq.scoring.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.20, which once turned off a result cache of H2, the embedded database before PostgreSQL became
 * the only engine. It does nothing now, but stays: every database migrated since then has version 2.20 in its history,
 * and Flyway refuses to start when an applied migration is missing.
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
		// nothing to do on PostgreSQL
	}

}
