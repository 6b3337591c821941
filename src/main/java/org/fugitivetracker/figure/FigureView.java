package org.fugitivetracker.figure;

import java.util.List;

import org.fugitivetracker.source.Citation;

/**
 * A reported figure as a page shows it: with what the records give for it (null on a page that
 * shows figures only as reported, {@link FigureViews#allAsReported()}) and who reports it.
 */
public record FigureView(ReportedFigure figure, Reconciliation.Result reconciliation, List<Citation> citations) {

	/** The citation of the figure's value, which the dashboard links to; null if it has none. */
	public Citation valueCitation() {
		return citations.stream()
			.filter(citation -> "value".equals(citation.getAttribute()))
			.findFirst()
			.orElse(citations.isEmpty() ? null : citations.get(0));
	}

}
