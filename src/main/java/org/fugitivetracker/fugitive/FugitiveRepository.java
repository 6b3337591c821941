package org.fugitivetracker.fugitive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Fugitives as entities, for the writes, the profile and the operation pages; the filtered list,
 * the CSV and the API list are read in SQL by {@link FugitiveSearch} instead.
 */
public interface FugitiveRepository extends JpaRepository<Fugitive, Long> {

	Optional<Fugitive> findByName(String name);

	/** The profile: the fugitive with destinations and offences in one query, the rest batch-fetched. */
	@EntityGraph(attributePaths = { "destinationCountries", "offences" })
	@Query("select f from Fugitive f where f.id = :id")
	Optional<Fugitive> findProfile(long id);

	/**
	 * The person's aliases, offences, destination countries and external identifiers (with their
	 * sources) as rows of (kind, item, detail, …), in one statement. The lists are stacked (UNION
	 * ALL), so the rows add up the four lists; fetch-joining the four collections would multiply
	 * them. The columns after {@code detail} are an identifier's, null for the other kinds.
	 */
	@Query(value = """
			select 'ALIAS' as kind, a.alias as item, cast(null as varchar) as detail, cast(null as bigint) as "recordId",
			       cast(null as varchar) as country, cast(null as bigint) as "sourceId",
			       cast(null as varchar) as "sourceTitle", cast(null as varchar) as "sourcePublisher",
			       cast(null as varchar) as quote
			from fugitive_alias a where a.fugitive_id = :id
			union all
			select 'OFFENCE', o.offence, null, null, null, null, null, null, null
			from fugitive_offence o where o.fugitive_id = :id
			union all
			select 'DESTINATION', d.country_code, null, null, null, null, null, null, null
			from fugitive_destination d where d.fugitive_id = :id
			union all
			select 'IDENTIFIER', x.scheme, x.value, x.id, x.issuing_country, s.id, s.title, s.publisher, x.quote
			from external_identifier x join source s on s.id = x.source_id where x.fugitive_id = :id
			order by kind, item, detail nulls first""", nativeQuery = true)
	List<FugitiveParticulars.Row> findParticularRows(long id);

	default FugitiveParticulars findParticulars(long id) {
		return FugitiveParticulars.of(id, findParticularRows(id));
	}

	/** The standing of the people on each operation's lists, in one GROUP BY. */
	@Query(value = """
			select o.id as "operationId",
			       count(distinct lm.fugitive_id) as "listed",
			       count(distinct lm.fugitive_id) filter (where f.status = 'RETURNED') as "returned",
			       count(distinct lm.fugitive_id) filter (where f.status = 'IN_CUSTODY') as "inCustody",
			       count(distinct lm.fugitive_id) filter (where f.status = 'AT_LARGE') as "atLarge"
			from operation o
			left join wanted_list wl on wl.operation_id = o.id
			left join list_membership lm on lm.wanted_list_id = wl.id
			left join fugitive f on f.id = lm.fugitive_id
			where o.id in (:operationIds)
			group by o.id""", nativeQuery = true)
	List<ListProgress> findListProgress(Collection<Long> operationIds);

	/** The people on an operation's wanted lists, by list and rank. */
	@Query("""
			select new org.fugitivetracker.fugitive.ListedFugitive(f.id, f.name, f.nativeName, f.status, m.rank, l.name,
					l.nameZh)
			from Fugitive f join f.listMemberships m join m.wantedList l
			where l.operation.id = :operationId
			order by l.id, m.rank nulls last, f.name, f.id""")
	List<ListedFugitive> findListed(long operationId);

}
