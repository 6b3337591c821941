package org.fugitivetracker.figure;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Reported figures with everything they are shown with, for the figures page, the dashboard and the API. */
public interface ReportedFigureRepository extends JpaRepository<ReportedFigure, Long> {

	/** Every figure with what it needs to be shown; the country scopes are batch-fetched. */
	@Query("""
			select f from ReportedFigure f
			left join fetch f.operation left join fetch f.caseFile left join fetch f.partOf
			left join fetch f.equivalentOf left join fetch f.statedByAgency left join fetch f.statedByOfficial
			order by f.periodFrom.date nulls first, f.id""")
	List<ReportedFigure> findAllForDisplay();

	List<ReportedFigure> findByCaseFileIdOrderById(long caseId);

	List<ReportedFigure> findByOperationIdOrderById(long operationId);

	/**
	 * Every figure with its country scope and everything else it is shown with, in one statement
	 * however many figures there are (the figures page and the dashboard).
	 */
	@Query("""
			select distinct f from ReportedFigure f
			left join fetch f.countries
			left join fetch f.operation left join fetch f.caseFile left join fetch f.partOf
			left join fetch f.equivalentOf left join fetch f.statedByAgency left join fetch f.statedByOfficial
			order by f.periodFrom.date nulls first, f.id""")
	List<ReportedFigure> findAllWithCountries();

	/**
	 * Every figure with what the dashboard shows it with (its country scope, operation and the
	 * figure it restates) in one statement; the rest stays unloaded.
	 */
	@Query("""
			select distinct f from ReportedFigure f
			left join fetch f.countries left join fetch f.operation left join fetch f.equivalentOf
			order by f.periodFrom.date nulls first, f.id""")
	List<ReportedFigure> findAllWithScope();

}
