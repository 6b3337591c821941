package org.fugitivetracker.event;

import java.util.Locale;

import org.fugitivetracker.country.CountryCatalog;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a citation says, as the pages show it (templates call it as {@code @claims}): a source's
 * own claim as written, and a claim the application wrote from an event's facts ({@link EventClaim})
 * in the reader's words and language, "Surrender, 16 November 2016, United States" /
 * "自首，2016年11月16日，美国".
 */
@Component("claims")
public class ClaimText {

	private final MessageSource messages;

	private final Formats formats;

	private final CountryCatalog countries;

	ClaimText(MessageSource messages, Formats formats, CountryCatalog countries) {
		this.messages = messages;
		this.formats = formats;
		this.countries = countries;
	}

	public String says(Citation citation, Locale locale) {
		return citation.isGenerated() ? generated(citation.getClaim(), locale) : citation.getClaim();
	}

	/**
	 * A claim the application wrote, in the reader's words; the text as stored if it is not in the
	 * form {@link EventClaim} writes (the audit trail, which has the claim without its citation).
	 */
	public String generated(String stored, Locale locale) {
		return EventClaim.parse(stored).map(claim -> words(claim, locale)).orElse(stored);
	}

	/** An event as a reader names it: "Surrender, 16 November 2016". */
	public String event(Event event, Locale locale) {
		return words(new EventClaim(event.getType(), event.getOccurred(), null), locale);
	}

	private String words(EventClaim claim, Locale locale) {
		String type = messages.getMessage("pages.eventType." + claim.type(), null, locale);
		String date = claim.occurred() == null ? messages.getMessage("pages.timeline.undated", null, locale)
				: formats.date(claim.occurred(), locale);
		if (claim.countryCode() == null) {
			return messages.getMessage("pages.claim.event", new Object[] { type, date }, locale);
		}
		String country = countries.names().name(claim.countryCode(), locale);
		return messages.getMessage("pages.claim.eventInCountry", new Object[] { type, date, country }, locale);
	}

}
