package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 个人信息保护: phone numbers and birth dates as lists and exports show them. */
@Tag("nodb")
class MaskingTests {

	@Test
	void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
		assertThat(Masking.phone(" 13812341234 ")).isEqualTo("138****1234");
	}

	@Test
	void otherNumbersHideAllButTheLastFourAndShortOnesWhole() {
		assertThat(Masking.phone("0571-87654321")).isEqualTo("057******4321");
		assertThat(Masking.phone("87654321")).isEqualTo("****4321");
		assertThat(Masking.phone("110")).isEqualTo("***");
		assertThat(Masking.phone(null)).isNull();
		assertThat(Masking.phone("")).isEmpty();
	}

	@Test
	void aBirthDateShowsTheYearOnly() {
		assertThat(Masking.birthDate(LocalDate.of(1974, 5, 6))).isEqualTo("1974-**-**");
		assertThat(Masking.birthDate("1974-05-06")).isEqualTo("1974-**-**");
		assertThat(Masking.birthDate("05/06/1974")).isEqualTo("****-**-**");
		assertThat(Masking.birthDate((LocalDate) null)).isNull();
	}

	@Test
	void noDigitOfTheHiddenPartSurvives() {
		String masked = Masking.phone("13899995678");
		assertThat(masked).doesNotContain("9999").hasSize(11);
	}

}
