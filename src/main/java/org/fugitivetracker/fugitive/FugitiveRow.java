package org.fugitivetracker.fugitive;

import java.util.List;

import org.fugitivetracker.common.PartialDate;

/**
 * One line of the list, the CSV and the API page: read by one query with the destinations
 * aggregated in it (no entity, no lazy collection).
 *
 * @param formerPositionZh the position in Chinese, null where not recorded
 * @param fled null where no source dates the flight
 * @param yearsOnTheRun whole years from flight to return (or to today while not returned); null
 * where the flight, or the return of a returned person, is not dated
 * @param thumbnail the thumbnail of the primary photo, for the list; null where there is none, and
 * in the CSV (which has no use for it)
 */
public record FugitiveRow(long id, String name, String nativeName, FugitiveStatus status,
		List<String> destinationCountries, String formerPosition, String formerPositionZh, String formerOrganisation,
		PartialDate fled, Integer yearsOnTheRun, Thumbnail thumbnail) {

	/** The primary photo's thumbnail: its photo's id (for its address) and its size in pixels. */
	public record Thumbnail(long photoId, int width, int height) {
	}

}
