package org.fugitivetracker.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.fugitivetracker.common.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks the source part of a write and stores the citation: every fact an admin records names
 * who says it. Used inside the write's transaction, so a refused write leaves no new source.
 */
@Component
public class Citations {

	private final SourceRepository sources;

	private final CitationRepository citations;

	Citations(SourceRepository sources, CitationRepository citations) {
		this.sources = sources;
		this.citations = citations;
	}

	/**
	 * Checks the source part; adds violations for what is wrong and returns null then, or when
	 * no source is named and none is {@code required}.
	 */
	public SourceChoice check(CitesSource form, boolean required, List<Violation> violations) {
		int before = violations.size();
		boolean hasQuote = form.quote() != null && !form.quote().isBlank();
		if (!form.namesAnySource()) {
			if (required) {
				violations.add(Violation.of("sourceId", "admin.source.required"));
			}
			if (hasQuote) {
				violations.add(Violation.of("sourceId", "admin.source.quoteWithoutSource"));
			}
			return null;
		}
		if (!hasQuote) {
			violations.add(Violation.of("quote", "admin.source.quote.required"));
		}
		if (form.sourceId() != null && form.namesNewSource()) {
			violations.add(Violation.of("sourceId", "admin.source.both"));
			return null;
		}
		if (form.sourceId() != null) {
			Source existing = sources.findById(form.sourceId()).orElse(null);
			if (existing == null) {
				violations.add(Violation.of("sourceId", "admin.source.unknown", String.valueOf(form.sourceId())));
			}
			return violations.size() > before ? null : new SourceChoice(existing, null, null, null, form.quote().strip());
		}
		String title = form.sourceTitle() == null ? "" : form.sourceTitle().strip();
		String url = form.sourceUrl() == null ? "" : form.sourceUrl().strip();
		if (title.isEmpty()) {
			violations.add(Violation.of("sourceTitle", "admin.source.title.required"));
		}
		String publisher = null;
		if (url.isEmpty()) {
			violations.add(Violation.of("sourceUrl", "admin.source.url.required"));
		}
		else {
			publisher = hostOf(url);
			if (publisher == null) {
				violations.add(Violation.of("sourceUrl", "admin.source.url.invalid"));
			}
		}
		return violations.size() > before ? null : new SourceChoice(null, title, url, publisher, form.quote().strip());
	}

	/**
	 * Stores the citation of {@code choice} for one subject, creating the new source first where
	 * the form named one. {@code factory} builds the citation from the source.
	 */
	public Citation cite(SourceChoice choice, Function<Source, Citation> factory) {
		return citations.save(factory.apply(sourceOf(choice)));
	}

	/**
	 * The source {@code choice} names, creating the new one where the form named one: for a record
	 * that holds its source itself (an identifier, a place on a wanted list) rather than a citation.
	 */
	public Source sourceOf(SourceChoice choice) {
		return choice.existing() != null ? choice.existing()
				: sources.save(new Source(choice.newTitle(), choice.newPublisher(), choice.newUrl(), null));
	}

	/**
	 * What is wrong with a source as a file names it (address, publisher, title, any may be
	 * missing), for {@link #sourceNamed}: it must have an address or a publisher, an address must
	 * be a web address, and each part must fit its column.
	 */
	public List<Violation> rulesBrokenBySourceNamed(String url, String publisher, String title) {
		List<Violation> violations = new java.util.ArrayList<>();
		String address = blankToNull(url);
		if (address != null && (address.length() > 2000 || hostOf(address) == null)) {
			violations.add(Violation.of("sourceUrl", "admin.source.url.invalid"));
		}
		if (address == null && blankToNull(publisher) == null) {
			violations.add(Violation.of("sourceUrl", "admin.source.urlOrPublisher.required"));
		}
		if (publisher != null && publisher.strip().length() > 200) {
			violations.add(Violation.of("publisher", "admin.source.tooLong", "200"));
		}
		if (title != null && title.strip().length() > 300) {
			violations.add(Violation.of("sourceTitle", "admin.source.tooLong", "300"));
		}
		return violations;
	}

	/**
	 * The source a file names, the one already recorded where there is one (the first at its
	 * address; without an address, the first of its publisher and title), else a new one: its
	 * publisher is the given one or the address's host, its title the given one or the publisher.
	 * Call only with a source {@link #rulesBrokenBySourceNamed} accepts.
	 */
	public Source sourceNamed(String url, String publisher, String title) {
		String address = blankToNull(url);
		String by = blankToNull(publisher) != null ? publisher.strip() : hostOf(address);
		String named = blankToNull(title) != null ? title.strip() : by;
		java.util.Optional<Source> recorded = address != null ? sources.findFirstByUrlOrderById(address)
				: sources.findFirstByPublisherAndTitleAndUrlIsNullOrderById(by, named);
		return recorded.orElseGet(() -> sources.save(new Source(named, by, address, null)));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The publisher of a new source is the address's host (e.g. {@code www.chinadaily.com.cn}). */
	static String hostOf(String url) {
		if (!url.matches("^https?://\\S+$")) {
			return null;
		}
		try {
			String host = new URI(url).getHost();
			// The host becomes the source's publisher (at most 200 characters).
			return host == null || host.isBlank() || host.length() > 200 ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
