package org.fugitivetracker.event;

import java.util.List;

import org.fugitivetracker.source.Citation;

/**
 * An event of a fugitive as the write API returns it, with the sources that support it and the
 * fugitive's status and version after the write (the version to send with the next write).
 */
public record EventRecord(long id, long fugitiveId, String fugitiveName, String type, String date, String country,
		String description, List<CitationRecord> sources, String fugitiveStatus, long fugitiveVersion) {

	/** One source of the event: which source, and in which words. */
	public record CitationRecord(long sourceId, String title, String publisher, String url, String claim,
			String quote) {

		static CitationRecord of(Citation citation) {
			return new CitationRecord(citation.getSource().getId(), citation.getSource().getTitle(),
					citation.getSource().getPublisher(), citation.getSource().getUrl(), citation.getClaim(),
					citation.getQuote());
		}

	}

	static EventRecord of(Event event, List<Citation> citations) {
		return new EventRecord(event.getId(), event.getFugitive().getId(), event.getFugitive().getName(),
				event.getType().name(), event.getOccurred() == null ? null : event.getOccurred().iso(),
				event.getCountryCode(), event.getDescription(), citations.stream().map(CitationRecord::of).toList(),
				event.getFugitive().getStatus().name(), event.getFugitive().getVersion());
	}

}
