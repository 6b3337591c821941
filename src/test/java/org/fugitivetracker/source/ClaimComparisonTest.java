package org.fugitivetracker.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.fugitivetracker.common.PartialDate;
import org.junit.jupiter.api.Test;

/** When sources citing one fact disagree, with the seed's own examples. */
class ClaimComparisonTest {

	static final PartialDate ARTICLE = PartialDate.ofDay(LocalDate.of(2015, 12, 23));

	static final PartialDate WIRE = PartialDate.ofDay(LocalDate.of(2015, 12, 5));

	@Test
	void sundayAndSaturdayFiveDecemberDisagree() {
		assertThat(ClaimComparison.agree("on Sunday", ARTICLE, "Saturday 5 December 2015", WIRE)).isFalse();
		assertThat(ClaimComparison.agree("on Sunday", ARTICLE,
				"Saturday 5 December 2015, surrendered at Beijing Capital Airport", WIRE))
			.isFalse();
	}

	@Test
	void aClaimThatOnlyAddsDetailAgrees() {
		assertThat(ClaimComparison.agree("Saturday 5 December 2015", WIRE,
				"Saturday 5 December 2015, surrendered at Beijing Capital Airport", WIRE))
			.isTrue();
		assertThat(ClaimComparison.agree("In April", ARTICLE, "April 2015", WIRE)).isTrue();
		assertThat(ClaimComparison.agree("No. 4 of the 100 most-wanted list issued in April 2015", WIRE,
				"No. 4 of the 100 most-wanted list issued in April 2015", WIRE))
			.isTrue();
	}

	@Test
	void relativeYearsAreReadAgainstThePublicationDate() {
		assertThat(ClaimComparison.words("December last year", ARTICLE)).containsExactlyInAnyOrder("december", "2014");
		assertThat(ClaimComparison.agree("December last year", ARTICLE, "December 2014", WIRE)).isTrue();
		assertThat(ClaimComparison.agree("This year", ARTICLE, "2015", WIRE)).isTrue();
		assertThat(ClaimComparison.agree("December last year", null, "December 2014", WIRE))
			.as("without a publication date, 'last year' cannot be read")
			.isFalse();
	}

	@Test
	void differentNumbersDisagree() {
		assertThat(ClaimComparison.agree("No. 4 of the list", WIRE, "No. 5 of the list", WIRE)).isFalse();
		assertThat(ClaimComparison.agree("fled in August 2002", WIRE, "fled in 2003", WIRE)).isFalse();
	}

}
