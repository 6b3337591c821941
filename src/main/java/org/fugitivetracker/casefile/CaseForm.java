package org.fugitivetracker.casefile;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;

/** Adding a case (form and API body): what it is, with whom it is worked, and who says so. */
public record CaseForm(
		@FieldLabel("admin.case.title")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 300, message = "{admin.validation.size}") @PlainText String title,
		@FieldLabel("admin.case.titleZh")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String titleZh,
		@FieldLabel("admin.case.status")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 30, message = "{admin.validation.size}") String status,
		@FieldLabel("admin.case.counterpartCountry")
		@Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String counterpartCountry,
		@FieldLabel("admin.case.description")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String description,
		@FieldLabel("admin.case.agencies")
		@Size(max = 50, message = "{admin.validation.size}") List<@NotNull(message = "{admin.validation.id}") @Positive(message = "{admin.validation.id}") Long> agencyIds,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote) implements CitesSource {

	public CaseForm {
		agencyIds = agencyIds == null ? List.of() : agencyIds;
	}

	static CaseForm blank() {
		return new CaseForm(null, null, CaseStatus.OPEN.name(), null, null, List.of(), null, null, null, null);
	}

}
