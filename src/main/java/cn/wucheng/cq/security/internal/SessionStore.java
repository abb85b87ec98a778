package cn.wucheng.cq.security.internal;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions' store (issue 16 item 4): Spring Session JDBC, built here as {@code @EnableJdbcHttpSession} would
 * (table {@code SPRING_SESSION}, expired sessions deleted every minute, written at the end of the request, each write
 * in a transaction of its own), wrapped by {@link MinuteSessions}, the repository the application uses — Boot's
 * auto-configuration steps back as soon as there is one. The idle timeout is {@code server.servlet.session.timeout}.
 * <p>
 * Built by hand for one difference: reading a session runs no transaction. Spring Session wraps its single
 * {@code SELECT} in one, which cost each request a {@code BEGIN} and a {@code COMMIT} (a round trip to the database)
 * and, inside a transaction of the application, a second connection; one statement reads a consistent session
 * without. Writes keep their own transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

	@Bean
	JdbcIndexedSessionRepository jdbcSessions(DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate writes = new TransactionTemplate(transactions);
		writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // as Spring Session's own
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(jdbc, new ReadsOutsideTransactions(writes));
		sessions.setDefaultMaxInactiveInterval(timeout);
		// the application's class loader reads the attributes back (Spring Session's configuration does the same)
		ClassLoader classLoader = SessionStore.class.getClassLoader();
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		sessions.setConversionService(conversion);
		// an attribute new to two requests of one session at once (a fresh session's first views in parallel: two tabs,
		// htmx requests, two instances) is written by both: insert-or-update, not a duplicate key (a 500) for one of them
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
		return sessions;
	}

	/**
	 * Spring Session's transactions, but none around a read ({@link #reading}): the callback runs on the data source
	 * as it is — a connection of its own in auto-commit, or the application's transaction if one is open.
	 */
	static final class ReadsOutsideTransactions implements TransactionOperations {

		private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

		private final TransactionOperations writes;

		ReadsOutsideTransactions(TransactionOperations writes) {
			this.writes = writes;
		}

		/** Runs a read of the sessions' tables (one statement; a deletion of an expired session it finds, one more). */
		static <T> T reading(Supplier<T> read) {
			if (READING.get() != null) {
				return read.get();
			}
			READING.set(Boolean.TRUE);
			try {
				return read.get();
			}
			finally {
				READING.remove();
			}
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (READING.get() != null) {
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return writes.execute(action);
		}

	}

}
