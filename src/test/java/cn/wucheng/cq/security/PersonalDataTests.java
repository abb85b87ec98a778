package cn.wucheng.cq.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * 个人信息保护: lists show phone numbers and birth dates masked; a person sees his own; only the legal section unmasks
 * one person's phone number, and each unmasking is in the audit log.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PersonalDataTests {

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void listsAndExportsShowThemMaskedWhoeverAsks() {
		signIn(Role.LEGAL, null);
		assertThat(PersonalData.phoneInList("13812341234")).isEqualTo("138****1234");
		assertThat(PersonalData.birthDateInList(LocalDate.of(1974, 5, 6))).isEqualTo("1974-**-**");
	}

	@Test
	void anOfficerSeesHisOwnInFullAndNobodyElses() {
		signIn(Role.OFFICER, 7L);
		assertThat(personalData.phoneOnPage(7L, "13812341234")).isEqualTo("13812341234");
		assertThat(personalData.birthDateOnPage(7L, LocalDate.of(1974, 5, 6))).isEqualTo("1974-05-06");
		assertThat(personalData.phoneOnPage(8L, "13912345678")).isEqualTo("139****5678");
		assertThat(personalData.birthDateOnPage(8L, LocalDate.of(1980, 1, 2))).isEqualTo("1980-**-**");
	}

	@Test
	void theLegalSectionUnmasksOnePersonsPhoneAndThatIsAudited() {
		signIn(Role.LEGAL, null);
		assertThat(personalData.phoneOnPage(9L, "13812341234")).isEqualTo("138****1234");
		assertThat(personalData.mayUnmaskPhone()).isTrue();

		assertThat(personalData.unmaskPhone(9L, "PD-001", "13812341234")).isEqualTo("13812341234");

		assertThat(jdbc.sql("""
				select username from audit_log where action = 'PERSONAL_DATA_UNMASKED' and entity = 'person'
				and entity_key = 'PD-001'""").query(String.class).list()).containsExactly("legal");
	}

	@Test
	void nobodyElseUnmasksAndARefusalLeavesNoTrace() {
		for (Role role : List.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.SUPERVISION, Role.LEADER,
				Role.SQUAD_LEADER, Role.LEGAL_OFFICER, Role.OFFICER)) {
			signIn(role, 10L);
			assertThat(personalData.mayUnmaskPhone()).as(role.name()).isFalse();
			assertThatThrownBy(() -> personalData.unmaskPhone(11L, "PD-002", "13812341234"))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(jdbc.sql("select count(*) from audit_log where entity_key = 'PD-002'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void administratorsDoNotSeeTheirOwnThroughAPersonLink() {
		signIn(Role.ADMIN, 12L);
		assertThat(personalData.phoneOnPage(12L, "13812341234")).isEqualTo("138****1234");
	}

	private static void signIn(Role role, Long personId) {
		AccountPrincipal principal = AccountPrincipal
			.active(new CurrentUser(1L, role.name().toLowerCase(), role.name(), role, null, personId));
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

}
