package org.fugitivetracker.dashboard;

import java.util.List;

import org.fugitivetracker.fugitive.Fugitive;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The dashboard's aggregates, read from {@code fugitive_facet_count} (one row per status and set
 * of destinations, kept exact by triggers, see V4__search_indexes.sql) instead of grouping every
 * fugitive: a few rows whether two people are recorded or a million.
 */
interface DashboardQueries extends Repository<Fugitive, Long> {

	/** How many fugitives have one status ({@code kind} STATUS) or one destination country ({@code kind} COUNTRY). */
	record FacetCount(String kind, String code, long fugitives) {
	}

	/**
	 * Rows of (kind, code, count), in one statement: {@code STATUS} rows, one per status that has
	 * a summary row; then {@code COUNTRY} rows, the {@code limit} destination countries with most
	 * fugitives, most first, ties by code. A person counts once for each country of their set.
	 */
	@Query(value = """
			select 'STATUS' as kind, k.status as code, cast(sum(k.fugitives) as bigint) as fugitives
			from fugitive_facet_count k
			group by k.status
			union all
			(select 'COUNTRY', d.country_code, cast(sum(k.fugitives) as bigint)
			 from fugitive_facet_count k cross join lateral unnest(k.destinations) as d(country_code)
			 group by d.country_code
			 having sum(k.fugitives) > 0
			 order by sum(k.fugitives) desc, d.country_code
			 limit :limit)""", nativeQuery = true)
	List<FacetCount> countByStatusAndTopDestinations(int limit);

}
