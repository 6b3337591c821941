package org.fugitivetracker.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels of the audit pages, for templates ({@code @auditLabels}): field names and times. */
@Component("auditLabels")
public class AuditLabels {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	AuditLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The field's name in the reader's language, or as written in the code where there is no label. */
	public String field(String name, Locale locale) {
		return messages.getMessage("admin.audit.field." + name, null, name, locale);
	}

	public String entity(String type, Locale locale) {
		return messages.getMessage("admin.audit.entity." + type, null, type, locale);
	}

	public String revisionType(String type, Locale locale) {
		return messages.getMessage("admin.audit.revisionType." + type, null, type, locale);
	}

	public String when(Instant instant) {
		return instant == null ? "" : WHEN.format(instant);
	}

	/**
	 * The instant for a {@code datetime} attribute: ISO 8601 in UTC to the second
	 * (2026-12-04T18:55:05Z), as HTML allows at most three fraction digits and the page shows none.
	 */
	public String datetime(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
