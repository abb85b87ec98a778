package cn.wucheng.cq.security.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * The sessions' store (issue 16 item 4): Spring Session JDBC, set up here rather than by Boot's auto-configuration,
 * which steps back as soon as the application has a session repository of its own — {@link MinuteSessions}, which
 * wraps this one. Its defaults are the auto-configuration's (table {@code SPRING_SESSION}, expired sessions deleted
 * every minute, written at the end of the request); the idle timeout is {@code server.servlet.session.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionStore {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}

}
