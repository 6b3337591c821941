package org.fugitivetracker.exchange;

import java.util.Optional;

import org.fugitivetracker.common.PartialDate;

/**
 * A year of birth as an import file gives it, read by one rule whatever the file's format: a year
 * ("1960"), or a date as the application reads dates ("1960-05", "1960-05-01"), of which only the
 * year is kept, the profile recording no more.
 *
 * @param year the year, not yet checked against the profile's bounds (its validation does that)
 * @param moreThanAYear whether the file gave a month or a day too, which is not kept
 */
record BirthYear(int year, boolean moreThanAYear) {

	/** The year the text gives, or empty when it is neither a year nor a date. */
	static Optional<BirthYear> read(String text) {
		String value = text.strip();
		// Digits of any plausible length are a year, so that "960" is refused as too early, not as no number.
		if (value.matches("\\d{1,9}")) {
			return Optional.of(new BirthYear(Integer.parseInt(value), false));
		}
		try {
			return Optional.of(new BirthYear(PartialDate.parse(value).earliestDay().getYear(), true));
		}
		catch (IllegalArgumentException notADate) {
			return Optional.empty();
		}
	}

}
