package org.fugitivetracker.event;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.common.PartialDate;

/**
 * What a source is cited for when an admin records or corrects an event: the event's type, date
 * and country. Stored as a citation's claim in one fixed form, {@code "SURRENDER, 2016-11-16, US"},
 * so that pages can write it in the reader's words and language; the source's own words are the
 * citation's quote.
 *
 * @param occurred null when undated
 * @param countryCode null when no country is recorded
 */
public record EventClaim(EventType type, PartialDate occurred, String countryCode) {

	private static final String UNDATED = "undated";

	private static final Pattern STORED = Pattern.compile("([A-Z_]+), (" + UNDATED + "|[0-9-]+)(?:, ([A-Z]{2}))?");

	public static EventClaim of(Event event) {
		return new EventClaim(event.getType(), event.getOccurred(), event.getCountryCode());
	}

	/** The claim in its stored form, e.g. {@code "SURRENDER, 2016-11-16, US"} or {@code "DETENTION, undated"}. */
	public String stored() {
		return type + ", " + (occurred == null ? UNDATED : occurred.iso()) + (countryCode == null ? "" : ", " + countryCode);
	}

	/** The claim a stored text holds; empty when the text is not in the stored form. */
	public static Optional<EventClaim> parse(String stored) {
		Matcher matcher = STORED.matcher(stored);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			PartialDate occurred = UNDATED.equals(matcher.group(2)) ? null : PartialDate.parse(matcher.group(2));
			return Optional.of(new EventClaim(EventType.valueOf(matcher.group(1)), occurred, matcher.group(3)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
