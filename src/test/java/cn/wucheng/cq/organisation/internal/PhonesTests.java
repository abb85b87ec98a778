package cn.wucheng.cq.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Lists show phone numbers masked: they are personal data. */
@Tag("nodb")
class PhonesTests {

	@Test
	void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
	}

	@Test
	void aShortNumberShowsOnlyItsEnd() {
		assertThat(Phones.mask("82345678")).isEqualTo("****5678");
		assertThat(Phones.mask("12345")).isEqualTo("***45");
	}

	@Test
	void noNumberShowsNothing() {
		assertThat(Phones.mask(null)).isEmpty();
		assertThat(Phones.mask("  ")).isEmpty();
	}

}
