package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * API.md "Start and accounts": without the environment variables each first account (admin, legal, and the
 * other two of the three administrators, security and audit) gets a generated password, written to an owner-only
 * file in the data directory (the log says where, never the password), that must be changed at first login. (Own
 * context, so its start is in the captured log.)
 */
@ExtendWith(OutputCaptureExtension.class)
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=first-start-generated")
@AutoConfigureMockMvc
class FirstStartWithGeneratedPasswordsTests {

	private static final Pattern WRITTEN = Pattern.compile("(?m)^(admin|legal|security|audit) (\\S+)$");

	static final Path DATA_DIR = createTempDir();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("cq.data-dir", DATA_DIR::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountBootstrap bootstrap;

	@Test
	void thePasswordsAreInAnOwnerOnlyFileThatTheLogNamesAndTheLogHasNoPassword(CapturedOutput output)
			throws Exception {
		Path file = DATA_DIR.resolve("initial-passwords.txt");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String written = Files.readString(file);
		assertThat(output.getAll()).contains("初始密码已写入 " + file.toAbsolutePath().normalize());
		Matcher m = WRITTEN.matcher(written);
		int found = 0;
		while (m.find()) {
			found++;
			assertThat(output.getAll()).doesNotContain(m.group(2));
		}
		assertThat(found).as("one line per account").isEqualTo(4);
	}

	@Test
	void theWrittenPasswordsSignInButEveryPageLeadsToThePasswordChangeFirst() throws Exception {
		Matcher m = WRITTEN.matcher(Files.readString(DATA_DIR.resolve("initial-passwords.txt")));
		int found = 0;
		while (m.find()) {
			found++;
			var session = TestAccounts.signIn(mvc, m.group(1), m.group(2));
			// the three administrators enrol their second factor first, then change the password
			mvc.perform(get("/").session(session))
				.andExpect(redirectedUrl(m.group(1).equals("legal") ? "/account/password" : "/account/totp"));
		}
		assertThat(found).as("one line per account").isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from app_user where must_change_password").query(Integer.class).single())
			.isEqualTo(4);
		assertThat(jdbc.sql("select username || '=' || role from app_user order by username").query(String.class).list())
			.containsExactly("admin=ADMIN", "audit=AUDIT_ADMIN", "legal=LEGAL", "security=SECURITY_ADMIN");
	}

	@Test
	void aLaterStartCreatesNoAccountAndWritesNoPassword(CapturedOutput output) throws IOException {
		int before = output.getAll().length();
		String file = Files.readString(DATA_DIR.resolve("initial-passwords.txt"));
		bootstrap.run(new DefaultApplicationArguments());

		assertThat(output.getAll().substring(before)).doesNotContain("初始密码");
		assertThat(Files.readString(DATA_DIR.resolve("initial-passwords.txt"))).isEqualTo(file);
		assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(4);
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("cq-first-start");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
