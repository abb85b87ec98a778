package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.security.Accounts;
import cn.wucheng.cq.security.internal.PasswordPolicy.Violation;

@Tag("nodb")
class PasswordPolicyTests {

	final PasswordPolicy policy = PasswordPolicy.standard();

	@Test
	void aLongMixedPasswordPasses() {
		assertThat(policy.check("zhangsan", "Tq8#vLm2x")).isEmpty();
		assertThat(policy.check("zhangsan", "river7-Stone")).isEmpty();
	}

	@Test
	void fewerThanEightCharactersIsTooShort() {
		assertThat(policy.check("zhangsan", "Tq8#vLm")).containsExactly(Violation.TOO_SHORT);
	}

	@Test
	void threeOfTheFourKindsAreNeeded() {
		assertThat(policy.check("zhangsan", "abcdefghij")).containsExactly(Violation.TOO_FEW_KINDS);
		assertThat(policy.check("zhangsan", "abcdefgh12")).containsExactly(Violation.TOO_FEW_KINDS);
		assertThat(policy.check("zhangsan", "ABCDEFGH!!")).containsExactly(Violation.TOO_FEW_KINDS);
		assertThat(policy.check("zhangsan", "abcdEFGH12")).isEmpty();
		assertThat(policy.check("zhangsan", "abcdefg1!x")).isEmpty();
	}

	@Test
	void thePasswordMayNotContainTheUsernameInAnyCase() {
		assertThat(policy.check("zhangsan", "ZhangSan#2024")).containsExactly(Violation.CONTAINS_USERNAME);
		assertThat(policy.check("A001", "x!a001Yyy")).containsExactly(Violation.CONTAINS_USERNAME);
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(policy.check("zhangsan", "P@ssw0rd")).containsExactly(Violation.COMMON);
		assertThat(policy.check("zhangsan", "AA123456!")).containsExactly(Violation.COMMON);
		assertThat(policy.check("zhangsan", "aA@123456")).containsExactly(Violation.COMMON);
		assertThat(policy.check("zhangsan", "Woaini1314")).containsExactly(Violation.COMMON);
	}

	@Test
	void theShippedListHoldsSomeHundredsOfCommonPasswords() {
		assertThat(PasswordPolicy.loadCommonPasswords()).hasSizeGreaterThan(300).contains("123456", "admin@123");
	}

	@Test
	void moreThanSeventyTwoBytesIsRefusedBecauseBcryptWouldIgnoreTheRest() {
		assertThat(policy.check("zhangsan", "Aa1!" + "x".repeat(69))).containsExactly(Violation.TOO_LONG);
	}

	@Test
	void everyViolationHasAPolicyMessage() {
		for (Violation v : Violation.values()) {
			assertThat(v.messageKey()).startsWith("account.password.");
		}
	}

	@Test
	void generatedPasswordsSatisfyThePolicy() {
		for (int i = 0; i < 200; i++) {
			assertThat(policy.check("someone", Accounts.generatePassword())).isEmpty();
		}
	}

}
