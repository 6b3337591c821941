package org.fugitivetracker.source;

import java.util.List;

/**
 * Something a source says things about, with what it says: {@code subject} is the entity of the
 * {@link Kind} (a fugitive, an event …) and {@code link} the page that shows it, or null where no
 * page does (agencies, countries, a transfer tied to nobody).
 */
public record CitedSubject(Kind kind, Object subject, String link, List<CitationGroup> claims) {

	/** The kinds of subject, in the order the source page lists them. */
	public enum Kind {

		FUGITIVE, CASE, OPERATION, EVENT, COOPERATION_STEP, ASSET_TRANSFER, FIGURE, AGENCY, AGENCY_PARTNERSHIP,
		COUNTRY

	}

}
