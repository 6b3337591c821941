package org.fugitivetracker.operation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OperationRepository extends JpaRepository<Operation, Long> {

	List<Operation> findAllByOrderByStartedDateAscIdAsc();

	@Query("select o from Operation o left join fetch o.launchedBy where o.id = :id")
	Optional<Operation> findWithAgency(long id);

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
	List<ListProgress> findProgress(Collection<Long> operationIds);

	/** The people on an operation's wanted lists, by list and rank. */
	@Query("""
			select new org.fugitivetracker.operation.ListedFugitive(f.id, f.name, f.status, m.rank, l.name)
			from Fugitive f join f.listMemberships m join m.wantedList l
			where l.operation.id = :operationId
			order by l.id, m.rank nulls last, f.name, f.id""")
	List<ListedFugitive> findListed(long operationId);

}
