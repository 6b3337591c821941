package org.fugitivetracker.exchange;

import java.math.BigDecimal;
import java.util.List;

import org.fugitivetracker.fugitive.FugitiveRequest;

/**
 * One person read from an import file, with the facts about them the file gives. Only the file's
 * syntax has been read; the rules (Bean Validation on the profile, the editor's rules, duplicate
 * candidates) are applied by the importer, as for a record typed in. The profile's own source
 * fields are left empty: an imported fact cites its {@code sources} instead.
 *
 * @param line where the person's record starts in the file (1-based; a CSV's header is line 1)
 * @param sources who vouches for the profile (none: the source chosen for the whole file is cited)
 * @param warnings what the file said that is not kept as given (shown in the preview)
 */
public record ImportedPerson(long line, FugitiveRequest profile, List<Source> sources, List<Identifier> identifiers,
		List<Place> places, List<Event> events, List<Transfer> transfers, List<ImportMessage> warnings) {

	public ImportedPerson {
		sources = List.copyOf(sources);
		identifiers = List.copyOf(identifiers);
		places = List.copyOf(places);
		events = List.copyOf(events);
		transfers = List.copyOf(transfers);
		warnings = List.copyOf(warnings);
	}

	/**
	 * A source as a file names it: any of its address, publisher and title, and the words it says
	 * the fact in (null where the file gives none, as FtM never does).
	 */
	public record Source(String url, String publisher, String title, String quote) {

		public boolean isNamed() {
			return hasText(url) || hasText(publisher) || hasText(title);
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

	}

	/** An identity document or wanted notice: scheme as {@code ExternalIdentifier.Scheme} names it. */
	public record Identifier(long line, String scheme, String value, String issuingCountry, List<Source> sources) {
	}

	/** A place on a wanted list, the list known by its name. */
	public record Place(long line, String listName, Integer rank, String added, List<Source> sources) {
	}

	/** A lifecycle event: type as {@code EventType} names it, a partial ISO date, a country code. */
	public record Event(long line, String type, String date, String country, String description,
			List<Source> sources) {
	}

	/** An asset transfer: the amount in the source's words, and the exact figure where given. */
	public record Transfer(long line, String amountAsReported, BigDecimal amount, String currency,
			String destinationCountry, String description, List<Source> sources) {
	}

}
