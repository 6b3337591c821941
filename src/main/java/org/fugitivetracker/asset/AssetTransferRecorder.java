package org.fugitivetracker.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CaseFileRepository;
import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.country.CountryRepository;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveRepository;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.source.SourceChoice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records an asset transfer with its source, in one audited transaction. */
@Service
public class AssetTransferRecorder {

	/** A recorded transfer: its id and where to show it. */
	public record Recorded(long id, Long fugitiveId, Long caseId, String amountAsReported) {
	}

	private final AssetTransferRepository transfers;

	private final FugitiveRepository fugitives;

	private final CaseFileRepository cases;

	private final CountryRepository countries;

	private final Citations citations;

	AssetTransferRecorder(AssetTransferRepository transfers, FugitiveRepository fugitives, CaseFileRepository cases,
			CountryRepository countries, Citations citations) {
		this.transfers = transfers;
		this.fugitives = fugitives;
		this.cases = cases;
		this.countries = countries;
		this.citations = citations;
	}

	@Transactional
	public Recorded record(AssetTransferForm form) {
		List<Violation> violations = new ArrayList<>();
		Checked checked = check(form, violations);
		InvalidRecordException.throwIfAny(violations);

		AssetTransfer transfer = new AssetTransfer(form.amount(), form.currency(), checked.qualifier(),
				form.amountAsReported().strip());
		transfer.setDestinationCountry(blankToNull(form.destinationCountry()));
		transfer.setFugitive(checked.fugitive());
		transfer.setCaseFile(checked.caseFile());
		transfer.setDescription(blankToNull(form.description()));
		transfer.getChannels().addAll(checked.channels());
		SourceChoice source = checked.source();
		AssetTransfer saved = transfers.saveAndFlush(transfer);
		citations.cite(source, s -> Citation.ofAssetTransfer(saved.getId(), s, "amount", saved.getAmountAsReported(),
				source.quote()));
		return new Recorded(saved.getId(), form.fugitiveId(), form.caseId(), saved.getAmountAsReported());
	}

	/** Cites one more source for a recorded transfer (an import whose transfer more than one source vouches for). */
	@Transactional
	public void citeAlso(long transferId, Source source, String quote) {
		AssetTransfer transfer = transfers.findById(transferId)
			.orElseThrow(() -> new IllegalArgumentException("No asset transfer " + transferId));
		citations.cite(new SourceChoice(source, null, null, null, quote), s -> Citation.ofAssetTransfer(transferId, s,
				"amount", transfer.getAmountAsReported(), quote));
	}

	/**
	 * The rules {@link #record} would refuse the form for, checked without writing, so that a form
	 * with other errors shows these too. Null-safe: the form may have failed Bean Validation.
	 */
	@Transactional(readOnly = true)
	public List<Violation> rulesBroken(AssetTransferForm form) {
		List<Violation> violations = new ArrayList<>();
		check(form, violations);
		return violations;
	}

	/** What a checked form names, where it breaks no rule. */
	private record Checked(Qualifier qualifier, Fugitive fugitive, CaseFile caseFile, List<TransferChannel> channels,
			SourceChoice source) {
	}

	private Checked check(AssetTransferForm form, List<Violation> violations) {
		Qualifier qualifier = parse(Qualifier.class, "qualifier", form.qualifier(), violations);
		if (qualifier != null) {
			if (form.amount() == null && qualifier != Qualifier.UNSPECIFIED) {
				violations.add(Violation.of("amount", "admin.asset.amount.required"));
			}
			if (form.amount() != null && qualifier == Qualifier.UNSPECIFIED) {
				violations.add(Violation.of("qualifier", "admin.asset.qualifier.unspecified"));
			}
		}
		if (form.destinationCountry() != null && !form.destinationCountry().isBlank()
				&& !countries.isKnown(form.destinationCountry())) {
			violations.add(Violation.of("destinationCountry", "admin.country.unknown", form.destinationCountry()));
		}
		Fugitive fugitive = null;
		if (form.fugitiveId() != null) {
			fugitive = fugitives.findById(form.fugitiveId()).orElse(null);
			if (fugitive == null) {
				violations.add(Violation.of("fugitiveId", "admin.case.fugitive.unknown", String.valueOf(form.fugitiveId())));
			}
		}
		CaseFile caseFile = null;
		if (form.caseId() != null) {
			caseFile = cases.findById(form.caseId()).orElse(null);
			if (caseFile == null) {
				violations.add(Violation.of("caseId", "admin.asset.case.unknown", String.valueOf(form.caseId())));
			}
		}
		List<TransferChannel> channels = new ArrayList<>();
		for (String channel : form.channels()) {
			TransferChannel parsed = parse(TransferChannel.class, "channels", channel, violations);
			if (parsed != null && !channels.contains(parsed)) {
				channels.add(parsed);
			}
		}
		SourceChoice source = citations.check(form, true, violations);
		return new Checked(qualifier, fugitive, caseFile, channels, source);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of(field, "admin.value.unknown", value));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
