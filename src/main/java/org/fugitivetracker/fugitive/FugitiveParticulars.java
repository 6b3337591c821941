package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's short lists as the profile shows them: aliases, offences and destination countries
 * (each sorted, as the entity's {@code @OrderBy} sorts them) and external identifiers (by scheme,
 * then number, with their sources). Read in one statement ({@link FugitiveRepository#findParticulars})
 * instead of one per collection.
 */
public record FugitiveParticulars(List<String> aliases, List<String> offences, List<String> destinationCountries,
		List<IdentifierView> externalIdentifiers) {

	/** One item of one of the lists, as {@link FugitiveRepository#findParticularRows} reads it. */
	public interface Row {

		String getKind();

		String getItem();

		String getDetail();

		/** The columns below are an identifier's: its id, issuing country, source and quote. */
		Long getRecordId();

		String getCountry();

		Long getSourceId();

		String getSourceTitle();

		String getSourcePublisher();

		String getQuote();

	}

	/** From rows of (kind, item, detail) in the order the query gives them. */
	static FugitiveParticulars of(long fugitiveId, List<Row> rows) {
		List<String> aliases = new ArrayList<>();
		List<String> offences = new ArrayList<>();
		List<String> destinations = new ArrayList<>();
		List<IdentifierView> identifiers = new ArrayList<>();
		for (Row row : rows) {
			String item = row.getItem();
			switch (row.getKind()) {
				case "ALIAS" -> aliases.add(item);
				case "OFFENCE" -> offences.add(item);
				case "DESTINATION" -> destinations.add(item);
				case "IDENTIFIER" -> identifiers.add(new IdentifierView(row.getRecordId(), fugitiveId,
						ExternalIdentifier.Scheme.valueOf(item), row.getDetail(), row.getCountry(), row.getSourceId(),
						row.getSourceTitle(), row.getSourcePublisher(), row.getQuote()));
				default -> throw new IllegalStateException("Unknown kind of particular: " + row.getKind());
			}
		}
		return new FugitiveParticulars(List.copyOf(aliases), List.copyOf(offences), List.copyOf(destinations),
				List.copyOf(identifiers));
	}

}
