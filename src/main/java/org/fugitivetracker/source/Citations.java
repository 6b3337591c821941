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
