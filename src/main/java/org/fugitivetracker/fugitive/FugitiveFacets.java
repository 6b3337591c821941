package org.fugitivetracker.fugitive;

import java.util.List;
import java.util.Locale;

/**
 * Counts per destination country and per status for the current filter. Each family leaves out
 * its own dimension ("disjunctive" facets): the country counts apply every filter except
 * {@code country}, the status counts every filter except {@code status}, so each option shows
 * how many rows choosing it would add. Because a person has exactly one status, the status
 * counts of the chosen statuses (of all statuses when none is chosen) add up to the total.
 */
public record FugitiveFacets(List<CountryCount> countries, List<StatusCount> statuses) {

	/** @param inTable false for a chosen code that the country table does not hold (count 0) */
	public record CountryCount(String code, String nameEn, String nameZh, long count, boolean selected,
			boolean inTable) {

		public String label(Locale locale) {
			return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
		}

	}

	public record StatusCount(FugitiveStatus status, long count, boolean selected) {

	}

	/** The number of rows the filter returns. */
	public long total() {
		boolean anyChosen = statuses.stream().anyMatch(StatusCount::selected);
		return statuses.stream().filter(s -> !anyChosen || s.selected()).mapToLong(StatusCount::count).sum();
	}

}
