package org.fugitivetracker.fugitive;

import org.fugitivetracker.fugitive.ExternalIdentifier.Scheme;

/**
 * An identifier as the pages and the API show it: the scheme, the number (null where it is not
 * published), the issuing country's code, and the source that gives it with its words.
 */
public record IdentifierView(long id, long fugitiveId, Scheme scheme, String value, String issuingCountry,
		long sourceId, String sourceTitle, String sourcePublisher, String quote) {

	/** From a stored identifier whose source is loaded. */
	static IdentifierView of(ExternalIdentifier identifier, long fugitiveId) {
		return new IdentifierView(identifier.getId(), fugitiveId, identifier.getScheme(), identifier.getValue(),
				identifier.getIssuingCountry(), identifier.getSource().getId(), identifier.getSource().getTitle(),
				identifier.getSource().getPublisher(), identifier.getQuote());
	}

}
