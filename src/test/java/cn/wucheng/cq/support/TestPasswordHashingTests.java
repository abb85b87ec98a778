package cn.wucheng.cq.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The test contexts' cheaper BCrypt ({@link TestPasswordHashing}) checks passwords as the application's does. */
@Tag("nodb")
class TestPasswordHashingTests {

	final PasswordEncoder application = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	final PasswordEncoder cheaper = TestPasswordHashing.cheaper(application);

	@Test
	void itMakesBcryptHashesOfTheLowestWorkFactorThatOnlyTheRightPasswordMatches() {
		String hash = cheaper.encode("Right-Pass-1");
		assertThat(hash).startsWith("{bcrypt}$2a$04$");
		assertThat(cheaper.matches("Right-Pass-1", hash)).isTrue();
		assertThat(cheaper.matches("Wrong-Pass-1", hash)).isFalse();
		assertThat(application.matches("Right-Pass-1", hash)).as("the application reads it too").isTrue();
	}

	@Test
	void itChecksTheApplicationsOwnHashesAsTheApplicationDoes() {
		String hash = application.encode("Right-Pass-1");
		assertThat(hash).as("the application's work factor").startsWith("{bcrypt}$2a$10$");
		assertThat(cheaper.matches("Right-Pass-1", hash)).isTrue();
		assertThat(cheaper.matches("Wrong-Pass-1", hash)).isFalse();
	}

	@Test
	@SuppressWarnings("deprecation")
	void anEncoderThatIsNotBcryptIsLeftAsItIs() {
		PasswordEncoder plain = NoOpPasswordEncoder.getInstance();
		assertThat(TestPasswordHashing.cheaper(plain)).isSameAs(plain);
	}

}
