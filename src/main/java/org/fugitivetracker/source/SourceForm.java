package org.fugitivetracker.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.web.FieldLabel;

/** Adding a source (form and API body): a publication that says something. */
public record SourceForm(
		@FieldLabel("admin.sourceForm.title")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 300, message = "{admin.validation.size}") @PlainText String title,
		@FieldLabel("admin.sourceForm.publisher")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String publisher,
		@FieldLabel("admin.sourceForm.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String url,
		@FieldLabel("admin.sourceForm.published")
		@Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{admin.validation.partialDate}") String published) {

	static SourceForm blank() {
		return new SourceForm(null, null, null, null);
	}

}
