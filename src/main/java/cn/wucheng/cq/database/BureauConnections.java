package cn.wucheng.cq.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.bureau.Bureaus;

/**
 * Every connection the application's data source hands out carries the request's bureau (issue 16): the connection
 * setting {@code cq.bureau} that the row-level security policies of migration 9.01 compare {@code bureau_id} with
 * ({@link Bureaus#current()}; empty when none is known, which PostgreSQL reads as the installation's only bureau if
 * there is exactly one, else as none: nothing visible).
 * <p>
 * At most one statement per checkout, and none when the pooled connection already carries that bureau (a one-bureau
 * installation sets it once per physical connection): the last value is remembered per physical connection. It is set
 * at session level while the connection is in auto-commit (as the pool hands it out), so no rollback can undo it;
 * a connection handed out inside a transaction is set every time. Work on the installation's own tables
 * ({@link Bureaus#ofTheInstallation}, the sessions) gets its connection as it is.
 */
@Component
class BureauConnections implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof BureauDataSource) && "dataSource".equals(beanName)) {
			return new BureauDataSource(dataSource);
		}
		return bean;
	}

	/** The application's data source: each connection with the request's bureau set. */
	static final class BureauDataSource extends DelegatingDataSource {

		/** Physical connection → the bureau last set on it (weak: the pool closes and forgets connections). */
		private final Map<Object, String> lastSet = new WeakHashMap<>();

		BureauDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (Bureaus.ofTheInstallation()) {
				// the sessions' tables are no bureau's: whatever bureau the connection carries stays (and is remembered)
				return super.getConnection();
			}
			// the bureau first: asking for the signed-in account may load the session, which takes a connection of
			// its own; with this one already held, a request would need two (a pool of one would wait for itself)
			String bureau = bureau();
			return withBureau(super.getConnection(), bureau);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			String bureau = bureau();
			return withBureau(super.getConnection(username, password), bureau);
		}

		private static String bureau() {
			return Bureaus.current().map(String::valueOf).orElse("");
		}

		private Connection withBureau(Connection connection, String bureau) throws SQLException {
			try {
				Object physical = physical(connection);
				boolean autoCommit = connection.getAutoCommit();
				if (autoCommit) {
					synchronized (lastSet) {
						if (bureau.equals(lastSet.get(physical))) {
							return connection;
						}
					}
				}
				try (PreparedStatement s = connection.prepareStatement("select set_config('cq.bureau', ?, false)")) {
					s.setString(1, bureau);
					s.execute();
				}
				synchronized (lastSet) {
					if (autoCommit) {
						lastSet.put(physical, bureau);
					}
					else {
						lastSet.remove(physical);
					}
				}
				return connection;
			}
			catch (SQLException | RuntimeException e) {
				connection.close();
				throw e;
			}
		}

		/** The driver's connection behind the pool's proxy (the same object at every checkout). */
		private static Object physical(Connection connection) throws SQLException {
			return connection.unwrap(Connection.class); // Hikari's proxy answers with the driver's connection
		}

	}

}
