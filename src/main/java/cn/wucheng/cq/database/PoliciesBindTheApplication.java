package cn.wucheng.cq.database;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 16 item 2: the bureaus are kept apart by row-level security, which does not bind a superuser, a role with
 * BYPASSRLS, or the tables' owner. An installation configured with one account for everything (the owner as
 * {@code spring.datasource.username}) would show every bureau's rows to a query that forgets the bureau. At start the
 * application asks PostgreSQL whether its own connection is bound: if not, it refuses to start when there are several
 * bureaus, and says so in the log when there is one (harmless then, but not how to run it: README, "Two accounts").
 */
@Component
class PoliciesBindTheApplication implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PoliciesBindTheApplication.class);

	/** Whether the policies let the connection's role pass: superuser, BYPASSRLS, or owner of the tables. */
	static final String BYPASSES = """
			select r.rolsuper or r.rolbypassrls or pg_has_role(current_user, c.relowner, 'USAGE')
			from pg_roles r, pg_class c where r.rolname = current_user and c.oid = 'case_file'::regclass""";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	PoliciesBindTheApplication(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify();
	}

	/** Refuses (several bureaus) or warns (one) when the application's role is not bound by the policies. */
	void verify() {
		if (!Boolean.TRUE.equals(jdbc.sql(BYPASSES).query(Boolean.class).single())) {
			return;
		}
		String role = jdbc.sql("select current_user").query(String.class).single();
		int bureaus = jdbc.sql("select count(*) from bureau").query(Integer.class).single();
		if (bureaus > 1) {
			throw new IllegalStateException(message("database.policies.bypassed.refused", role, bureaus));
		}
		log.warn(message("database.policies.bypassed.oneBureau", role));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
