package cn.wucheng.cq.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Proves "one pooled connection per request at most": the application's DataSource is wrapped so that every thread
 * counts the connections it holds, and a request thread (Tomcat's {@code http-nio-…}) that asks for a connection
 * while it still holds one is recorded with its request and the application frames that asked — the offender, named
 * before the pool has the chance to run dry. {@code @Import(HeldConnections.Config.class)} and autowire
 * {@link HeldConnections}.
 */
public final class HeldConnections {

	private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

	private final List<String> offences = Collections.synchronizedList(new ArrayList<>());

	/** Every time a request thread asked for a second connection while holding one: request, then the frames. */
	public List<String> offences() {
		synchronized (offences) {
			return List.copyOf(offences);
		}
	}

	public void clear() {
		offences.clear();
	}

	DataSource wrap(DataSource target) {
		return new DelegatingDataSource(target) {

			@Override
			public Connection getConnection() throws SQLException {
				checkNotHolding();
				return held(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				checkNotHolding();
				return held(super.getConnection(username, password));
			}

		};
	}

	private void checkNotHolding() {
		int held = HELD.get()[0];
		if (held > 0 && Thread.currentThread().getName().startsWith("http-nio")) {
			String request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
					? a.getRequest().getMethod() + " " + a.getRequest().getRequestURI() : "(no request)";
			String frames = Arrays.stream(new Throwable().getStackTrace())
				.filter(f -> f.getClassName().startsWith("cn.wucheng.cq") && !f.getClassName().contains("support"))
				.map(f -> "    at " + f)
				.collect(Collectors.joining("\n"));
			offences.add(request + " asked for connection " + (held + 1) + " on " + Thread.currentThread().getName()
					+ "\n" + frames);
		}
	}

	private static Connection held(Connection connection) {
		int[] held = HELD.get();
		held[0]++;
		AtomicBoolean closed = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(HeldConnections.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
						held[0]--;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}

	/** Registers the counter and wraps the application's DataSource in it. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static HeldConnections heldConnections() {
			return new HeldConnections();
		}

		@Bean
		static BeanPostProcessor heldConnectionsWrapper(org.springframework.beans.factory.ObjectProvider<HeldConnections> counter) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)
							? counter.getObject().wrap(ds) : bean;
				}

			};
		}

	}

}
