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
 * Recording an event about a fugitive: the form's fields and the API's JSON body alike.
 * {@code version} is the fugitive's version the admin saw (optimistic locking).
 */
public record EventForm(
		@FieldLabel("admin.event.type")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 30, message = "{admin.validation.size}") String type,
		@FieldLabel("admin.event.date")
		@NotBlank(message = "{admin.validation.required}") @Pattern(regexp = PARTIAL_DATE, message = "{admin.validation.partialDate}") String date,
		@FieldLabel("admin.event.country")
		@NotBlank(message = "{admin.validation.choose}") @Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String country,
		@FieldLabel("admin.event.description")
		@Size(max = 2000, message = "{admin.validation.size}") @PlainText String description,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = URL, message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote,
		@NotNull(message = "{admin.validation.version}") Long version) implements CitesSource {

	/** {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
	public static final String PARTIAL_DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

	/** An absolute http(s) address without spaces. */
	public static final String URL = "https?://\\S+";

	static EventForm blank(long version) {
		return new EventForm(null, null, null, null, null, null, null, null, version);
	}

}
