package org.fugitivetracker.browse;

import java.util.List;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.figure.FigureView;
import org.fugitivetracker.source.CitationGroup;

/** Everything a case page shows, loaded before the view renders. */
public record CasePage(CaseFile caseFile, List<CitationGroup> claims, List<FigureView> figures, List<Step> steps,
		List<Happening> events, List<Transfer> transfers, CountryNames countries) {

	/** A cooperation step with its citations. */
	public record Step(CooperationStep step, List<CitationGroup> claims) {
	}

	/** An event of the case with its citations. */
	public record Happening(Event event, List<CitationGroup> claims) {
	}

	/** Money moved in the case, with its citations. */
	public record Transfer(AssetTransfer transfer, List<CitationGroup> claims) {
	}

}
