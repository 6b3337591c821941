package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's short lists as the profile shows them: aliases, offences and destination countries
 * (each sorted, as the entity's {@code @OrderBy} sorts them) and external identifiers (by scheme,
 * then number). Read in one statement ({@link FugitiveRepository#findParticulars}) instead of one
 * per collection.
 */
public record FugitiveParticulars(List<String> aliases, List<String> offences, List<String> destinationCountries,
		List<ExternalIdentifier> externalIdentifiers) {

	/** One item of one of the lists, as {@link FugitiveRepository#findParticularRows} reads it. */
	public interface Row {

		String getKind();

		String getItem();

		String getDetail();

	}

	/** From rows of (kind, item, detail) in the order the query gives them. */
	static FugitiveParticulars of(List<Row> rows) {
		List<String> aliases = new ArrayList<>();
		List<String> offences = new ArrayList<>();
		List<String> destinations = new ArrayList<>();
		List<ExternalIdentifier> identifiers = new ArrayList<>();
		for (Row row : rows) {
			String item = row.getItem();
			switch (row.getKind()) {
				case "ALIAS" -> aliases.add(item);
				case "OFFENCE" -> offences.add(item);
				case "DESTINATION" -> destinations.add(item);
				case "IDENTIFIER" ->
					identifiers.add(new ExternalIdentifier(ExternalIdentifier.Scheme.valueOf(item), row.getDetail()));
				default -> throw new IllegalStateException("Unknown kind of particular: " + row.getKind());
			}
		}
		return new FugitiveParticulars(List.copyOf(aliases), List.copyOf(offences), List.copyOf(destinations),
				List.copyOf(identifiers));
	}

}
