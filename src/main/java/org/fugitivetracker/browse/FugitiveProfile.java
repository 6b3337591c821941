package org.fugitivetracker.browse;

import java.util.List;
import java.util.Map;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.country.CountryNames;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.fugitive.FugitiveParticulars;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.source.CitationGroup;
import org.fugitivetracker.source.Source;

/**
 * Everything the profile page shows, loaded before the view renders: the person, their timeline,
 * cases and transfers, and what each source says about each fact.
 *
 * @param fugitive the person with their wanted-list places; their other collections are not
 * loaded (read them from {@code particulars})
 * @param returned the date of the first return to China, null if none is recorded or it is undated
 * @param yearsOnTheRun whole years from flight to return (or to today while not returned); null if
 * unknown
 * @param status what the status shown rests on
 * @param photo the primary photo with its source; null when the person has no photo
 */
public record FugitiveProfile(Fugitive fugitive, FugitiveParticulars particulars, Map<String, CitationGroup> claims,
		List<TimelineEntry> timeline, PartialDate returned, Integer yearsOnTheRun, List<CaseMembership> cases,
		List<Transfer> transfers, List<Source> sources, CountryNames countries, StatusBasis status,
		PrimaryPhoto photo) {

	/** What the sources say about one attribute of the profile ("status", "formerPosition"); null if none. */
	public CitationGroup claim(String attribute) {
		return claims.get(attribute);
	}

	/**
	 * What the status rests on. The status is derived from the person's events, so it cites the
	 * event that set it, with that event's sources, and the sources' own words on the status that
	 * still stand. A source's status claim published before that event happened is superseded: the
	 * page keeps it, marked, with the event that overtook it.
	 *
	 * @param setBy the latest status-changing event; null when none is recorded
	 * @param citations the sources of the status as it stands; null when there are none
	 * @param supersededBy for each superseded status citation (by id), the event that overtook it
	 */
	public record StatusBasis(Event setBy, CitationGroup citations, Map<Long, Event> supersededBy) {
	}

	/** The photo the profile shows, and the citation of its source. */
	public record PrimaryPhoto(FugitivePhoto photo, CitationGroup source) {
	}

	/** An event with the citations of each of its facts. */
	public record TimelineEntry(Event event, List<CitationGroup> claims) {
	}

	/** A case the person is in, and their part in it. */
	public record CaseMembership(CaseFile caseFile, CaseParticipant.Role role) {
	}

	/** Money the person moved, with its citations. */
	public record Transfer(AssetTransfer transfer, List<CitationGroup> claims) {
	}

}
