package org.fugitivetracker.dashboard;

import java.util.List;

import org.fugitivetracker.fugitive.Fugitive;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The dashboard's aggregates: each one GROUP BY over the records, never loading fugitives, so the
 * dashboard costs the same with two people or a million.
 */
interface DashboardQueries extends Repository<Fugitive, Long> {

	/** Rows of (status, count). */
	@Query("select f.status, count(f) from Fugitive f group by f.status")
	List<Object[]> countByStatus();

	/** Rows of (country code, number of fugitives who went there), most first. */
	@Query(value = """
			select d.country_code, count(*) from fugitive_destination d
			group by d.country_code
			order by count(*) desc, d.country_code
			limit :limit""", nativeQuery = true)
	List<Object[]> countByDestination(int limit);

}
