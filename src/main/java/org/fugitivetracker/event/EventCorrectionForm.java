package org.fugitivetracker.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;

/**
 * Correcting an event: the same fields as recording one, a required {@code reason} kept in the
 * audit trail, and an optional source for the corrected facts (added as a further citation).
 * Date and country may stay blank only where the event had none (seeded facts the article does
 * not date); a known date or country cannot be blanked out.
 */
public record EventCorrectionForm(
		@FieldLabel("admin.event.type")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 30, message = "{admin.validation.size}") String type,
		@FieldLabel("admin.event.date")
		@Pattern(regexp = EventForm.PARTIAL_DATE, message = "{admin.validation.partialDate}") String date,
		@FieldLabel("admin.event.country")
		@Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String country,
		@FieldLabel("admin.event.description")
		@Size(max = 2000, message = "{admin.validation.size}") @PlainText String description,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = EventForm.URL, message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote,
		@FieldLabel("admin.form.reason")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 1000, message = "{admin.validation.size}") @PlainText String reason,
		@NotNull(message = "{admin.validation.version}") Long version) implements CitesSource {

	static EventCorrectionForm of(EventRecord event) {
		return new EventCorrectionForm(event.type(), event.date(), event.country(), event.description(), null, null,
				null, null, null, event.fugitiveVersion());
	}

}
