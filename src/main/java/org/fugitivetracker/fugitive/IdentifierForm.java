package org.fugitivetracker.fugitive;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;

/**
 * Adding an identifier to a person (the form and the API body): the scheme, the number (may be
 * left out only for a notice whose number is not published), the issuing country (required but
 * for an Interpol notice) and the source.
 */
public record IdentifierForm(
		@FieldLabel("admin.identifier.scheme")
		@NotBlank(message = "{admin.validation.choose}")
		@Size(max = 30, message = "{admin.validation.size}")
		String scheme,
		@FieldLabel("admin.identifier.value")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String value,
		@FieldLabel("admin.identifier.issuingCountry")
		@Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String issuingCountry,
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

	static IdentifierForm blank() {
		return new IdentifierForm(null, null, null, null, null, null, null);
	}

}
