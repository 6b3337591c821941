package org.fugitivetracker.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.asset.AssetTransferForm;
import org.fugitivetracker.asset.AssetTransferRecorder;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.event.EventForm;
import org.fugitivetracker.event.EventRecord;
import org.fugitivetracker.event.EventRecorder;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.fugitivetracker.fugitive.FugitiveSummary;
import org.fugitivetracker.fugitive.IdentifierForm;
import org.fugitivetracker.fugitive.IdentifierRegistry;
import org.fugitivetracker.fugitive.ListMembershipForm;
import org.fugitivetracker.fugitive.WantedListPlaces;
import org.fugitivetracker.source.Citations;
import org.fugitivetracker.source.Source;
import org.springframework.stereotype.Component;

/**
 * Writes one accepted person of a file and their facts through the same services the admin forms
 * use, so every rule of a typed-in record holds for an imported one. Runs inside the import's one
 * transaction: a refusal here undoes the whole import.
 */
@Component
class ImportWriter {

	private final FugitiveEditor editor;

	private final Citations citations;

	private final IdentifierRegistry identifiers;

	private final WantedListPlaces places;

	private final EventRecorder events;

	private final AssetTransferRecorder transfers;

	ImportWriter(FugitiveEditor editor, Citations citations, IdentifierRegistry identifiers, WantedListPlaces places,
			EventRecorder events, AssetTransferRecorder transfers) {
		this.editor = editor;
		this.citations = citations;
		this.identifiers = identifiers;
		this.places = places;
		this.events = events;
		this.transfers = transfers;
	}

	/**
	 * The sources of one import, each looked up or created once however many rows name it; and the
	 * source chosen for the whole file.
	 */
	final class Sources {

		private final Map<List<String>, Source> named = new HashMap<>();

		private final Source ofFile;

		private final String fileName;

		Sources(Source ofFile, String fileName) {
			this.ofFile = ofFile;
			this.fileName = fileName;
		}

		/** The sources a fact names, else those of its person ({@code fallback}), else the file's. */
		List<Cited> of(List<ImportedPerson.Source> given, long line, List<Cited> fallback) {
			List<Cited> cited = new ArrayList<>();
			for (ImportedPerson.Source source : given) {
				if (source.isNamed()) {
					Source found = named.computeIfAbsent(List.of(text(source.url()), text(source.publisher()),
							text(source.title())),
							key -> citations.sourceNamed(source.url(), source.publisher(), source.title()));
					cited.add(new Cited(found, quote(source.quote(), line)));
				}
			}
			if (cited.isEmpty() && !fallback.isEmpty()) {
				return fallback;
			}
			if (cited.isEmpty() && ofFile != null) {
				cited.add(new Cited(ofFile, quote(null, line)));
			}
			return cited;
		}

		/**
		 * The source's words where the file gives them; else where in which file the fact was read
		 * (FtM carries no quotes), so that the citation can be traced to the kept upload.
		 */
		private String quote(String given, long line) {
			return given != null && !given.isBlank() ? given.strip()
					: "Imported from \"" + fileName + "\", line " + line;
		}

		private static String text(String value) {
			return value == null ? "" : value.strip();
		}

	}

	record Cited(Source source, String quote) {
	}

	/** Stores the person and their facts; returns the person as stored. */
	FugitiveSummary write(ImportCheck.Verdict verdict, Sources sources, String username) {
		ImportedPerson person = verdict.person();
		List<Cited> cited = sources.of(person.sources(), person.line(), List.of());
		FugitiveSummary stored = editor.createImported(person.profile(), cited.stream().map(Cited::source).toList(),
				cited.get(0).quote(), username);
		long id = stored.id();
		long version = stored.version();
		ImportCheck.WrittenFacts facts = verdict.facts();
		List<ImportedPerson.Event> chronological = facts.events()
			.stream()
			.sorted(Comparator.comparing(ImportedPerson.Event::date))
			.toList();
		for (ImportedPerson.Event event : chronological) {
			List<Cited> by = sources.of(event.sources(), event.line(), cited);
			EventRecord recorded = events.record(id, new EventForm(event.type(), event.date(), event.country(),
					event.description(), by.get(0).source().getId(), null, null, by.get(0).quote(), version),
					username);
			version = recorded.fugitiveVersion();
			by.stream().skip(1).forEach(more -> events.citeAlso(recorded.id(), more.source(), more.quote()));
		}
		for (ImportedPerson.Identifier identifier : facts.identifiers()) {
			Cited by = sources.of(identifier.sources(), identifier.line(), cited).get(0);
			identifiers.add(id, new IdentifierForm(identifier.scheme(), identifier.value(), identifier.issuingCountry(),
					by.source().getId(), null, null, by.quote()));
		}
		for (ImportCheck.Placed placed : facts.places()) {
			ImportedPerson.Place place = placed.place();
			Cited by = sources.of(place.sources(), place.line(), cited).get(0);
			places.add(id, new ListMembershipForm(placed.wantedListId(), place.rank(), place.added(),
					by.source().getId(), null, null, by.quote()));
		}
		for (ImportedPerson.Transfer transfer : facts.transfers()) {
			List<Cited> by = sources.of(transfer.sources(), transfer.line(), cited);
			Qualifier qualifier = transfer.amount() == null ? Qualifier.UNSPECIFIED : Qualifier.EXACT;
			AssetTransferRecorder.Recorded recorded = transfers.record(new AssetTransferForm(
					transfer.amountAsReported(), transfer.amount(), transfer.currency(), qualifier.name(),
					transfer.destinationCountry(), id, null, transfer.description(), List.of(),
					by.get(0).source().getId(), null, null, by.get(0).quote()));
			by.stream().skip(1).forEach(more -> transfers.citeAlso(recorded.id(), more.source(), more.quote()));
		}
		return stored;
	}

}
