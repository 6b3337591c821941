package org.fugitivetracker.asset;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.source.CitesSource;
import org.fugitivetracker.web.FieldLabel;

/**
 * Adding an asset transfer (form and API body). The amount may be left out where the source
 * gives only words ("billions of yuan"): then the qualifier is {@code UNSPECIFIED} and
 * {@code amountAsReported} keeps the words.
 */
public record AssetTransferForm(
		@FieldLabel("admin.asset.amountAsReported")
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String amountAsReported,
		@FieldLabel("admin.asset.amount")
		@DecimalMin(value = "0", message = "{admin.validation.notNegative}") @Digits(integer = 18, fraction = 2, message = "{admin.validation.amount}") BigDecimal amount,
		@FieldLabel("admin.asset.currency")
		@NotBlank(message = "{admin.validation.required}") @Pattern(regexp = "[A-Z]{3}", message = "{admin.validation.currency}") String currency,
		@FieldLabel("admin.asset.qualifier")
		@NotBlank(message = "{admin.validation.choose}") @Size(max = 20, message = "{admin.validation.size}") String qualifier,
		@FieldLabel("admin.asset.destinationCountry")
		@Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String destinationCountry,
		@FieldLabel("admin.asset.fugitiveId")
		@Positive(message = "{admin.validation.id}") Long fugitiveId,
		@FieldLabel("admin.asset.caseId")
		@Positive(message = "{admin.validation.id}") Long caseId,
		@FieldLabel("admin.asset.description")
		@Size(max = 2000, message = "{admin.validation.size}") @PlainText String description,
		@FieldLabel("admin.asset.channels")
		@Size(max = 10, message = "{admin.validation.size}") List<@Size(max = 30, message = "{admin.validation.size}") String> channels,
		@FieldLabel("admin.source.legend")
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@FieldLabel("admin.source.title")
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@FieldLabel("admin.source.url")
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@FieldLabel("admin.source.quote")
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote) implements CitesSource {

	public AssetTransferForm {
		channels = channels == null ? List.of() : channels;
	}

	static AssetTransferForm blank(Long fugitiveId, Long caseId) {
		return new AssetTransferForm(null, null, "CNY", null, null, fugitiveId, caseId, null, List.of(), null, null,
				null, null);
	}

}
