package org.fugitivetracker.api;

import java.math.BigDecimal;
import java.util.List;

import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.casefile.CaseStatus;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.figure.FigureUnit;
import org.fugitivetracker.fugitive.FugitiveRow;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.fugitivetracker.fugitive.IdentifierView;
import org.fugitivetracker.fugitive.ListMembership;
import org.fugitivetracker.source.Citation;

/**
 * The JSON of {@code /api/v1}. A date is given as its source gives it: {@code "2015"},
 * {@code "2015-04"} or {@code "2015-12-05"} ({@link PartialDate#iso()}) with its precision beside
 * it, never padded with an invented day.
 */
final class ApiViews {

	private ApiViews() {
	}

	static String iso(PartialDate date) {
		return date == null ? null : date.iso();
	}

	static DatePrecision precision(PartialDate date) {
		return date == null ? null : date.precision();
	}

	/** One row of {@code GET /api/v1/fugitives}: the same row as the page and the CSV. */
	record FugitiveItem(long id, String name, String nativeName, FugitiveStatus status,
			List<String> destinationCountries, String formerPosition, String formerOrganisation, String fled,
			DatePrecision fledPrecision, Integer yearsOnTheRun) {

		static FugitiveItem of(FugitiveRow row) {
			return new FugitiveItem(row.id(), row.name(), row.nativeName(), row.status(), row.destinationCountries(),
					row.formerPosition(), row.formerOrganisation(), iso(row.fled()), precision(row.fled()),
					row.yearsOnTheRun());
		}

	}

	/** Who says a fact, in which words: {@code claim} as this source gives it, {@code quote} verbatim. */
	record SourceRef(long sourceId, String title, String publisher, String attribute, String claim, String quote) {

		static SourceRef of(Citation citation) {
			return new SourceRef(citation.getSource().getId(), citation.getSource().getTitle(),
					citation.getSource().getPublisher(), citation.getAttribute(), citation.getClaim(),
					citation.getQuote());
		}

	}

	record FugitiveDetail(long id, String name, String nativeName, List<String> aliases, String sex,
			Integer birthYear, Integer reportedAge, String reportedAgeOn, DatePrecision reportedAgeOnPrecision,
			String formerPosition, String formerPositionZh, String formerOrganisation, String province,
			String provinceZh, String city, String cityZh, FugitiveStatus status, String fled,
			DatePrecision fledPrecision, Integer yearsOnTheRun, List<String> destinationCountries,
			List<String> offences, List<WantedListEntry> wantedLists, List<IdentifierView> externalIdentifiers,
			List<EventItem> events, List<CaseRole> cases, List<SourceRef> sources) {

	}

	/** A place on a wanted list: the rank and the date added as the source gives them, and the source. */
	record WantedListEntry(long wantedListId, String name, Integer rank, Long operationId, String added,
			DatePrecision addedPrecision, long sourceId, String sourceTitle, String sourcePublisher, String quote) {

		static WantedListEntry of(ListMembership m) {
			return new WantedListEntry(m.getWantedList().getId(), m.getWantedList().getName(), m.getRank(),
					m.getWantedList().getOperation() == null ? null : m.getWantedList().getOperation().getId(),
					iso(m.getAdded()), precision(m.getAdded()), m.getSource().getId(), m.getSource().getTitle(),
					m.getSource().getPublisher(), m.getQuote());
		}

	}

	/** Something that happened, with the sources that say so (several may disagree on the date). */
	record EventItem(long id, EventType type, String date, DatePrecision precision, String country, String place,
			Long fugitiveId, Long caseId, Long operationId, String description, List<SourceRef> sources) {

	}

	/** A case a person is in, and their part in it. */
	record CaseRole(long id, String title, CaseStatus status, CaseParticipant.Role role) {

	}

	record Participant(long fugitiveId, String name, CaseParticipant.Role role) {

	}

	record CaseItem(long id, String title, CaseStatus status, String counterpartCountry,
			List<Participant> participants) {

	}

	record CaseDetail(long id, String title, CaseStatus status, String counterpartCountry, String description,
			List<String> agencies, List<Participant> participants, List<Step> cooperationSteps,
			List<EventItem> events, List<FigureItem> figures, List<SourceRef> sources) {

	}

	record Step(long id, int position, CooperationStep.Kind kind, String date, DatePrecision precision,
			String requestedBy, String description, List<SourceRef> sources) {

	}

	/**
	 * A figure as its source states it: "more than" 860, "up to" 800 billion yuan, over a period
	 * and for countries; {@code partOfId} and {@code equivalentOfId} link it to the figure it is a
	 * part of, or the same amount in another unit.
	 */
	record FigureItem(long id, String metric, BigDecimal value, Qualifier qualifier, FigureUnit unit,
			String periodFrom, DatePrecision periodFromPrecision, String periodTo, DatePrecision periodToPrecision,
			List<String> countries, Long operationId, Long caseId, Long partOfId, Long equivalentOfId,
			String statedBy, String statedByOfficial, List<SourceRef> sources) {

	}

}
