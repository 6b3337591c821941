package org.fugitivetracker.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;

/** Changing a case's status, against the version the admin saw; the reason (optional) goes to the audit trail. */
public record CaseStatusForm(
		@NotBlank(message = "{admin.validation.required}") @Size(max = 30, message = "{admin.validation.size}") String status,
		@Size(max = 1000, message = "{admin.validation.size}") @PlainText String reason,
		@NotNull(message = "{admin.validation.version}") Long version) {

}
