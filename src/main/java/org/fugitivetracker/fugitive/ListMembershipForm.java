package org.fugitivetracker.fugitive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;

/**
 * Putting a person on a wanted list: the list, the rank and the date they were put on it where the
 * source gives them, and the source.
 */
public record ListMembershipForm(
		@FieldLabel("admin.membership.wantedList")
		@NotNull(message = "{admin.validation.choose}") @Positive(message = "{admin.validation.id}") Long wantedListId,
		@FieldLabel("admin.membership.rank")
		@Positive(message = "{admin.membership.rank.positive}")
		@Max(value = 1_000_000, message = "{admin.validation.max}")
		Integer rank,
		@FieldLabel("admin.membership.added")
		@Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{admin.validation.partialDate}") String added,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}")
		@Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}")
		String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote) implements CitesSource {

	static ListMembershipForm blank() {
		return new ListMembershipForm(null, null, null, null, null, null, null);
	}

}
