package cn.wucheng.cq.support;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt at its lowest work factor in the test contexts (issue 15 item 7). The application hashes with BCrypt's
 * default (2^10 rounds, ~70 ms on this machine, deliberately slow), and every HTTP Basic request checks the password
 * again: the acceptance imports alone made about 650 such requests, the demo's account provisioning hashes one password
 * per officer, and every sign-in of the browser journeys one more. Here the context's {@code PasswordEncoder} is the
 * same {@link DelegatingPasswordEncoder} with the same BCrypt, only at 2^4 rounds: hashes still are {@code {bcrypt}}
 * hashes, wrong passwords are still refused by the same code; a hash made elsewhere ({@code $2a$10$…}) is still
 * checked (BCrypt reads the rounds from the hash). If the application ever hashes with something other than BCrypt,
 * nothing is replaced. Registered in {@code META-INF/spring.factories}.
 */
public class TestPasswordHashing implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** BCrypt's lowest work factor. */
	static final int ROUNDS_LOG2 = 4;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof PasswordEncoder encoder ? cheaper(encoder) : bean;
			}
		});
	}

	/** The same encoding but cheaper, if the application's encoder makes BCrypt hashes; else the encoder itself. */
	static PasswordEncoder cheaper(PasswordEncoder application) {
		if (!application.encode("probe").startsWith("{bcrypt}$2")) {
			return application;
		}
		DelegatingPasswordEncoder cheaper = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(ROUNDS_LOG2)));
		cheaper.setDefaultPasswordEncoderForMatches(application); // any other {id}: the application's own
		return cheaper;
	}

}
