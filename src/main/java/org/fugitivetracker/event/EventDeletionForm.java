package org.fugitivetracker.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.web.FieldLabel;

/** Deleting an event: why (kept in the audit trail) and the fugitive's version the admin saw. */
public record EventDeletionForm(
		@FieldLabel("admin.form.reason")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 1000, message = "{admin.validation.size}") @PlainText String reason,
		@NotNull(message = "{admin.validation.version}") Long version) {

}
