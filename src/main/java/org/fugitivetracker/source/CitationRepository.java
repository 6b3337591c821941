package org.fugitivetracker.source;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Citations with their sources, read per subject (a person, event, case, cooperation step, transfer,
 * figure or operation) or per source, one statement for each kind of subject a page shows.
 */
public interface CitationRepository extends JpaRepository<Citation, Long> {

	@Query("select c from Citation c join fetch c.source where c.fugitiveId = :fugitiveId order by c.attribute, c.id")
	List<Citation> findForFugitive(long fugitiveId);

	@Query("select c from Citation c join fetch c.source where c.eventId in :eventIds order by c.id")
	List<Citation> findForEvents(Collection<Long> eventIds);

	@Query("select c from Citation c join fetch c.source where c.caseId = :caseId order by c.id")
	List<Citation> findForCase(long caseId);

	@Query("select c from Citation c join fetch c.source where c.cooperationStepId in :stepIds order by c.id")
	List<Citation> findForCooperationSteps(Collection<Long> stepIds);

	@Query("select c from Citation c join fetch c.source where c.assetTransferId in :transferIds order by c.id")
	List<Citation> findForAssetTransfers(Collection<Long> transferIds);

	/** The citations of every reported figure: no list of ids, so Hibernate translates the query once. */
	@Query("select c from Citation c join fetch c.source where c.reportedFigureId is not null order by c.id")
	List<Citation> findForEveryFigure();

	@Query("select c from Citation c join fetch c.source where c.reportedFigureId in :figureIds order by c.id")
	List<Citation> findForFigures(Collection<Long> figureIds);

	@Query("select c from Citation c join fetch c.source where c.operationId = :operationId order by c.id")
	List<Citation> findForOperation(long operationId);

	@Query("select c from Citation c where c.source.id = :sourceId order by c.id")
	List<Citation> findBySource(long sourceId);

}
