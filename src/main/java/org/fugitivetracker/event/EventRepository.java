package org.fugitivetracker.event;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Events as the pages read them: a person's, a case's or an operation's in date order, and the latest overall. */
public interface EventRepository extends JpaRepository<Event, Long> {

	/** A person's timeline, oldest first; undated events last, in the order they were recorded. */
	@Query("select e from Event e where e.fugitive.id = :fugitiveId order by e.occurred.date asc nulls last, e.id")
	List<Event> findTimeline(long fugitiveId);

	@Query("select e from Event e where e.caseFile.id = :caseId order by e.occurred.date asc nulls last, e.id")
	List<Event> findForCase(long caseId);

	@Query("select e from Event e where e.operation.id = :operationId order by e.occurred.date asc nulls last, e.id")
	List<Event> findForOperation(long operationId);

	/** The latest events with whatever each is about (person, case, operation): one statement, no lazy loads. */
	@Query("""
			select e from Event e left join fetch e.fugitive left join fetch e.caseFile left join fetch e.operation
			order by e.occurred.date desc nulls last, e.id desc""")
	List<Event> findRecent(Limit limit);

	/** {@link #findTimeline} with each event's case and operation, for showing it in one statement. */
	@Query("""
			select e from Event e left join fetch e.caseFile left join fetch e.operation
			where e.fugitive.id = :fugitiveId order by e.occurred.date asc nulls last, e.id""")
	List<Event> findTimelineWithCasesAndOperations(long fugitiveId);

}
