package cn.wucheng.cq.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Which bureau the current work is for (issue 16), and work on the installation's own tables (the sessions), which
 * asks for none: the signed-in account is not looked up there, since looking it up reads the session being read.
 */
class BureausTests {

	private record Member(Long bureauId) implements BureauMember {
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	/** A signed-in account of bureau 7 whose context, as a request's, is loaded only when asked for. */
	private AtomicInteger signedInLazily() {
		AtomicInteger loads = new AtomicInteger();
		SecurityContextHolder.setDeferredContext(() -> {
			loads.incrementAndGet();
			SecurityContext context = new SecurityContextImpl(
					UsernamePasswordAuthenticationToken.authenticated(new Member(7L), null, List.of()));
			return context;
		});
		return loads;
	}

	@Test
	void theSignedInAccountsBureauIsTheCurrentOne() {
		signedInLazily();
		assertThat(Bureaus.current()).contains(7L);
		assertThat(Bureaus.ofTheInstallation()).isFalse();
	}

	@Test
	void workOnTheInstallationsTablesAsksForNoBureauAndDoesNotLoadTheSignedInAccount() {
		AtomicInteger loads = signedInLazily();
		Bureaus.ofTheInstallation(() -> {
			assertThat(Bureaus.ofTheInstallation()).isTrue();
			assertThat(Bureaus.current()).isEmpty();
			return null;
		});
		assertThat(loads).hasValue(0);
		assertThat(Bureaus.ofTheInstallation()).isFalse();
		assertThat(Bureaus.current()).contains(7L);
	}

	@Test
	void anExplicitBureauStillCountsInsideTheInstallationsWork() {
		Bureaus.ofTheInstallation(() -> Bureaus.runAs(3L, () -> {
			assertThat(Bureaus.current()).contains(3L);
			assertThat(Bureaus.ofTheInstallation()).as("a bureau's work: its connections carry the bureau").isFalse();
			return null;
		}));
	}

}
