package org.fugitivetracker.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.web.FieldLabel;

/** Changing a case's status, against the version the admin saw; the reason (optional) goes to the audit trail. */
public record CaseStatusForm(
		@FieldLabel("admin.case.status")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 30, message = "{admin.validation.size}") String status,
		@FieldLabel("admin.form.reason")
		@Size(max = 1000, message = "{admin.validation.size}") @PlainText String reason,
		@NotNull(message = "{admin.validation.version}") Long version) {

}
