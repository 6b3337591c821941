package org.fugitivetracker.browse;

import java.util.List;

import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.figure.FigureView;
import org.fugitivetracker.fugitive.ListProgress;
import org.fugitivetracker.fugitive.ListedFugitive;
import org.fugitivetracker.operation.Operation;
import org.fugitivetracker.source.CitationGroup;

/** Everything an operation page shows, loaded before the view renders. */
public record OperationPage(Operation operation, List<CitationGroup> claims, Progress progress,
		List<FigureView> figures, List<ListedFugitive> listed, List<Happening> events, CountryNames countries) {

	/** An event of the operation with its citations. */
	public record Happening(Event event, List<CitationGroup> claims) {
	}

	/**
	 * The operation's target against the records: how many recorded people on its lists are
	 * returned, in custody or at large, and how many places of the target no record covers yet.
	 */
	public record Progress(Integer target, long listed, long returned, long inCustody, long atLarge) {

		static Progress of(Operation operation, ListProgress counts) {
			return counts == null ? new Progress(operation.getTargetCount(), 0, 0, 0, 0)
					: new Progress(operation.getTargetCount(), counts.getListed(), counts.getReturned(),
							counts.getInCustody(), counts.getAtLarge());
		}

		/** Target places no recorded person fills yet; null without a target. */
		public Long notYetRecorded() {
			return target == null ? null : Math.max(0, target - listed);
		}

		/** Returned people as a whole percentage of the target (rounded down); null without a target. */
		public Integer percentReturned() {
			return target == null ? null : (int) Math.min(100, returned * 100 / target);
		}

	}

}
