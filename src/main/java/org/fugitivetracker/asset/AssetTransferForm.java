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

/**
 * Adding an asset transfer (form and API body). The amount may be left out where the source
 * gives only words ("billions of yuan"): then the qualifier is {@code UNSPECIFIED} and
 * {@code amountAsReported} keeps the words.
 */
public record AssetTransferForm(
		@DecimalMin(value = "0", message = "{admin.validation.notNegative}") @Digits(integer = 18, fraction = 2, message = "{admin.validation.amount}") BigDecimal amount,
		@NotBlank(message = "{admin.validation.required}") @Pattern(regexp = "[A-Z]{3}", message = "{admin.validation.currency}") String currency,
		@NotBlank(message = "{admin.validation.required}") @Size(max = 20, message = "{admin.validation.size}") String qualifier,
		@NotBlank(message = "{admin.validation.required}") @Size(max = 200, message = "{admin.validation.size}") @PlainText String amountAsReported,
		@Pattern(regexp = "[A-Z]{2}", message = "{admin.validation.country}") String destinationCountry,
		@Positive(message = "{admin.validation.id}") Long fugitiveId,
		@Positive(message = "{admin.validation.id}") Long caseId,
		@Size(max = 2000, message = "{admin.validation.size}") @PlainText String description,
		@Size(max = 10, message = "{admin.validation.size}") List<@Size(max = 30, message = "{admin.validation.size}") String> channels,
		@Positive(message = "{admin.validation.id}") Long sourceId,
		@Size(max = 300, message = "{admin.validation.size}") @PlainText String sourceTitle,
		@Size(max = 2000, message = "{admin.validation.size}") @Pattern(regexp = "https?://\\S+", message = "{admin.validation.url}") String sourceUrl,
		@Size(max = 4000, message = "{admin.validation.size}") @PlainText String quote) implements CitesSource {

	public AssetTransferForm {
		channels = channels == null ? List.of() : channels;
	}

	static AssetTransferForm blank(Long fugitiveId, Long caseId) {
		return new AssetTransferForm(null, "CNY", null, null, null, fugitiveId, caseId, null, List.of(), null, null,
				null, null);
	}

}
