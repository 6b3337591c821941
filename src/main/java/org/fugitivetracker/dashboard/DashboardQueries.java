package org.fugitivetracker.dashboard;

import java.util.List;

import org.fugitivetracker.fugitive.Fugitive;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The dashboard's aggregates, read from the tallies (V22: the people of each status, and of each
 * status and destination country, kept by triggers) instead of grouping every fugitive: a few dozen
 * rows whether two people are recorded or a million.
 */
interface DashboardQueries extends Repository<Fugitive, Long> {

	/** How many fugitives have one status ({@code kind} STATUS) or one destination country ({@code kind} COUNTRY). */
	record FacetCount(String kind, String code, long fugitives) {
	}

	/**
	 * Rows of (kind, code, count), in one statement: {@code STATUS} rows, one per status that has
	 * a tally; then {@code COUNTRY} rows, the {@code limit} destination countries with most
	 * fugitives, most first, ties by code. A person counts once for each country of their set.
	 */
	@Query(value = """
			select 'STATUS' as kind, t.status as code, cast(sum(t.fugitives) as bigint) as fugitives
			from fugitive_status_tally t
			group by t.status
			union all
			(select 'COUNTRY', t.country_code, cast(sum(t.fugitives) as bigint)
			 from fugitive_country_tally t
			 group by t.country_code
			 having sum(t.fugitives) > 0
			 order by sum(t.fugitives) desc, t.country_code
			 limit :limit)""", nativeQuery = true)
	List<FacetCount> countByStatusAndTopDestinations(int limit);

}
