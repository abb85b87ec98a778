package cn.wucheng.cq.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security settings ({@code cq.security.*}), with the defaults of 等保 2.0 level 3 where it and OWASP ASVS
 * disagree (see SECURITY.md): passwords expire after 90 days and the last 5 may not be reused (ASVS 5.0 would have
 * neither: set {@code password-expiry-days=0} and {@code password-history=0} to follow it). The idle timeout is
 * Spring Boot's {@code server.servlet.session.timeout} (30 minutes in application.properties).
 *
 * @param passwordExpiryDays days after which a password must be changed at the next login; 0 = never
 * @param passwordHistory how many recent passwords (the current one included) a new password may not repeat; at
 * least 1 (the current one)
 * @param lockoutMaxFailures consecutive wrong passwords (or second-factor codes) that lock an account
 * @param lockoutDuration how long the lock lasts
 * @param sessionAbsoluteTimeout a session ends this long after sign-in however active it is
 * @param totpKey base64 of a 256-bit AES key encrypting second-factor secrets (env CQ_TOTP_KEY); when empty a key
 * file {@code totp.key} is created in the data directory
 */
@ConfigurationProperties("cq.security")
record SecurityProperties(@DefaultValue("90") int passwordExpiryDays, @DefaultValue("5") int passwordHistory,
		@DefaultValue("5") int lockoutMaxFailures, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("8h") Duration sessionAbsoluteTimeout, String totpKey) {

}
