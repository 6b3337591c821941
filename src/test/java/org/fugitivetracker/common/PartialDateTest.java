package org.fugitivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

	@Test
	void parsesEachPrecisionAndKeepsIt() {
		assertThat(PartialDate.parse("2015")).isEqualTo(PartialDate.ofYear(2015));
		assertThat(PartialDate.parse("2015-04").precision()).isEqualTo(DatePrecision.MONTH);
		assertThat(PartialDate.parse("2016-11-16").date()).isEqualTo(LocalDate.of(2016, 11, 16));
		assertThat(PartialDate.parse("2015-04").iso()).isEqualTo("2015-04");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "15", "2015-13", "2015-02-30", "2015/04", "April 2015", "20150", "2015-4" })
	void refusesWhatIsNotAPartialDate(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> PartialDate.parse(text));
	}

	@Test
	void showsOnlyThePrecisionKnown() {
		assertThat(PartialDate.ofMonth(2015, 4).format(Locale.ENGLISH)).isEqualTo("April 2015");
		assertThat(PartialDate.ofYear(2015).format(Locale.ENGLISH)).isEqualTo("2015");
		assertThat(PartialDate.ofDay(LocalDate.of(2015, 12, 5)).format(Locale.ENGLISH)).isEqualTo("December 5, 2015");
		assertThat(PartialDate.ofMonth(2015, 4).format(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2015年4月");
	}

	@Test
	void normalisesTheUnknownPartsSoThatDatesCompare() {
		assertThat(new PartialDate(LocalDate.of(2015, 4, 20), DatePrecision.MONTH).date())
			.isEqualTo(LocalDate.of(2015, 4, 1));
		assertThat(PartialDate.ofMonth(2015, 4).latestDay()).isEqualTo(LocalDate.of(2015, 4, 30));
	}

	@Test
	void isCertainlyBeforeOnlyWhenThePeriodsDoNotOverlap() {
		PartialDate year = PartialDate.ofYear(2002);
		assertThat(PartialDate.ofMonth(2002, 8).isCertainlyBefore(year)).isFalse();
		assertThat(PartialDate.ofMonth(2001, 12).isCertainlyBefore(year)).isTrue();
		assertThat(PartialDate.ofDay(LocalDate.of(2002, 8, 31)).isCertainlyBefore(PartialDate.ofMonth(2002, 8)))
			.isFalse();
	}

	@Test
	void countsYearsOnTheRunAtTheCoarserPrecision() {
		assertThat(PartialDate.yearsBetween(PartialDate.ofMonth(2002, 8), PartialDate.ofDay(LocalDate.of(2015, 12, 5))))
			.isEqualTo(13);
		assertThat(PartialDate.yearsBetween(PartialDate.ofYear(2002), PartialDate.ofMonth(2015, 1))).isEqualTo(13);
	}

}
