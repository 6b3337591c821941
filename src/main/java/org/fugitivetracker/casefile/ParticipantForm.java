package org.fugitivetracker.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.web.FieldLabel;

/** Adding a person to a case in a role, against the case's version the admin saw. */
public record ParticipantForm(
		@FieldLabel("admin.case.fugitiveId")
		@NotNull(message = "{admin.validation.required}") @Positive(message = "{admin.validation.id}") Long fugitiveId,
		@FieldLabel("admin.case.role")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 30, message = "{admin.validation.size}") String role,
		@NotNull(message = "{admin.validation.version}") Long version) {

}
