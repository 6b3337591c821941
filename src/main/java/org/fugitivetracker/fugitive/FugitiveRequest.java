package org.fugitivetracker.fugitive;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;

/** The API body for adding or editing a fugitive: the form's fields, with aliases and offences as arrays. */
public record FugitiveRequest(
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String name,
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String nativeName,
		@Pattern(regexp = "[FM]", message = "{admin.validation.sex}") String sex,
		@Min(value = 1900, message = "{admin.validation.min}") @Max(value = 2100, message = "{admin.validation.max}") Integer birthYear,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerPosition,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerPositionZh,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerOrganisation,
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String province,
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String provinceZh,
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String city,
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String cityZh,
		@Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{admin.validation.partialDate}") String fled,
		@Size(max = 50, message = "{admin.validation.size}") List<@NotNull(message = "{admin.validation.country}") @Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String> destinationCountries,
		@Size(max = 50, message = "{admin.validation.size}") List<@Size(max = 200, message = "{admin.validation.size}") @PlainText String> aliases,
		@Size(max = 50, message = "{admin.validation.size}") List<@Size(max = 200, message = "{admin.validation.size}") @PlainText String> offences,
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote,
		Long version) implements FugitiveProfileInput {

	@Override
	public List<String> destinationCountries() {
		return destinationCountries == null ? List.of() : destinationCountries;
	}

	@Override
	public List<String> aliasList() {
		return aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
	}

	@Override
	public List<String> offenceList() {
		return offences == null ? List.of() : offences.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
	}

}
