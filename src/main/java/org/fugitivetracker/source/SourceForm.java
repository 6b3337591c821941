package org.fugitivetracker.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;

/** Adding a source (form and API body): a publication that says something. */
public record SourceForm(
		@NotBlank(message = "{admin.validation.required}") @Size(max = 300, message = "{admin.validation.size}") @PlainText String title,
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String publisher,
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String url,
		@Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{admin.validation.partialDate}") String published) {

	static SourceForm blank() {
		return new SourceForm(null, null, null, null);
	}

}
