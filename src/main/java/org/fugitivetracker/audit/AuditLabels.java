package org.fugitivetracker.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryCatalog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words of the audit pages, for the trail and its templates ({@code @auditLabels}): moments, days, countries. */
@Component("auditLabels")
public class AuditLabels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	private final CountryCatalog countries;

	AuditLabels(MessageSource messages, CountryCatalog countries) {
		this.messages = messages;
		this.countries = countries;
	}

	public String revisionType(String type, Locale locale) {
		return messages.getMessage("admin.audit.revisionType." + type, null, type, locale);
	}

	/** A moment to the minute, in UTC, the day written as the pages write days ("4 December 2026, 19:05 UTC"). */
	public String when(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return messages.getMessage("admin.audit.when",
				new Object[] { day(LocalDate.ofInstant(instant, ZoneOffset.UTC), locale), TIME.format(instant) }, locale);
	}

	/** A day as the pages write days. */
	public String day(LocalDate day, Locale locale) {
		return day == null ? "" : PartialDate.ofDay(day).format(locale);
	}

	/** Country codes as the countries' names, listed the way the language lists them. */
	public String countries(Collection<String> codes, Locale locale) {
		return codes.isEmpty() ? messages.getMessage("admin.audit.value.none", null, locale)
				: countries.names().names(codes, locale);
	}

	/** A country code as the country's name ("—" for none). */
	public String country(String code, Locale locale) {
		return code == null ? "—" : countries.names().name(code, locale);
	}

	/**
	 * The instant for a {@code datetime} attribute: ISO 8601 in UTC to the second
	 * (2026-12-04T18:55:05Z), as HTML allows at most three fraction digits and the page shows none.
	 */
	public String datetime(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
