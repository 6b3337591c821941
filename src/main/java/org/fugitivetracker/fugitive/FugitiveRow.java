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
 */
public record FugitiveRow(long id, String name, String nativeName, FugitiveStatus status,
		List<String> destinationCountries, String formerPosition, String formerPositionZh, String formerOrganisation,
		PartialDate fled, Integer yearsOnTheRun) {

}
