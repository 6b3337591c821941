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
import org.fugitivetracker.web.FieldLabel;

/** The add/edit fugitive form: aliases and offences are one per line. */
public record FugitiveForm(
		@FieldLabel("admin.fugitive.name")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String name,
		@FieldLabel("admin.fugitive.nativeName")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String nativeName,
		@FieldLabel("admin.fugitive.aliases")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String aliases,
		@FieldLabel("admin.fugitive.sex")
		@Pattern(regexp = "[FM]", message = "{admin.validation.sex}") String sex,
		@FieldLabel("admin.fugitive.birthYear")
		@Min(value = 1900, message = "{admin.validation.min}") @Max(value = 2100, message = "{admin.validation.max}") Integer birthYear,
		@FieldLabel("admin.fugitive.formerPosition")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerPosition,
		@FieldLabel("admin.fugitive.formerPositionZh")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerPositionZh,
		@FieldLabel("admin.fugitive.formerOrganisation")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String formerOrganisation,
		@FieldLabel("admin.fugitive.province")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String province,
		@FieldLabel("admin.fugitive.provinceZh")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String provinceZh,
		@FieldLabel("admin.fugitive.city")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String city,
		@FieldLabel("admin.fugitive.cityZh")
		@Size(max = 100, message = "{admin.validation.size}") @PlainText String cityZh,
		@FieldLabel("admin.fugitive.fled")
		@Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "{admin.validation.partialDate}") String fled,
		@FieldLabel("admin.fugitive.destinationCountries")
		@Size(max = 50, message = "{admin.validation.size}") List<@NotNull(message = "{admin.validation.country}") @Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String> destinationCountries,
		@FieldLabel("admin.fugitive.offences")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String offences,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote,
		Long version) implements FugitiveProfileInput {

	public FugitiveForm {
		destinationCountries = destinationCountries == null ? List.of() : destinationCountries;
	}

	static FugitiveForm blank() {
		return new FugitiveForm(null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(),
				null, null, null, null, null, null);
	}

	static FugitiveForm of(Fugitive fugitive) {
		return new FugitiveForm(fugitive.getName(), fugitive.getNativeName(), String.join("\n", fugitive.getAliases()),
				fugitive.getSex(), fugitive.getBirthYear(), fugitive.getFormerPosition(), fugitive.getFormerPositionZh(),
				fugitive.getFormerOrganisation(), fugitive.getProvince(), fugitive.getProvinceZh(), fugitive.getCity(),
				fugitive.getCityZh(), fugitive.getFled() == null ? null : fugitive.getFled().iso(),
				List.copyOf(fugitive.getDestinationCountries()), String.join("\n", fugitive.getOffences()), null, null,
				null, null, fugitive.getVersion());
	}

	@Override
	public List<String> aliasList() {
		return FugitiveProfileInput.lines(aliases);
	}

	@Override
	public List<String> offenceList() {
		return FugitiveProfileInput.lines(offences);
	}

}
