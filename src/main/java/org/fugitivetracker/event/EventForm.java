package org.fugitivetracker.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;

/**
 * Recording an event about a fugitive: the form's fields and the API's JSON body alike.
 * {@code version} is the fugitive's version the admin saw (optimistic locking).
 */
public record EventForm(
		@NotBlank(message = "{admin.validation.required}") @Size(max = 30, message = "{admin.validation.size}") String type,
		@NotBlank(message = "{admin.validation.required}") @Pattern(regexp = PARTIAL_DATE, message = "{admin.validation.partialDate}") String date,
		@NotBlank(message = "{admin.validation.required}") @Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String country,
		@Size(max = 2000, message = "{admin.validation.size}") @PlainText String description,
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = URL, message = "{admin.validation.url}") String sourceUrl,
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
