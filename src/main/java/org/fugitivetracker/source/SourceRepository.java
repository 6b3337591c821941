package org.fugitivetracker.source;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SourceRepository extends JpaRepository<Source, Long> {

	List<Source> findAllByOrderByPublishedDateDescIdAsc();

	Page<Source> findAllByOrderByPublishedDateDescIdAsc(Pageable pageable);

	/** How many citations each of the given sources has: rows of (source id, count), one GROUP BY. */
	@Query("select c.source.id, count(c) from Citation c where c.source.id in :sourceIds group by c.source.id")
	List<Object[]> countCitations(Collection<Long> sourceIds);

	/**
	 * Every citation of a source with the subject it is about, in one query: each row holds the
	 * citation, then the one subject that is set (fugitive, event, case, cooperation step, asset
	 * transfer, reported figure, operation, agency, agency partnership or country) among nulls.
	 */
	@Query("""
			select c, f, e, cf, cs, t, rf, o, a, ap, co from Citation c
			left join Fugitive f on f.id = c.fugitiveId
			left join Event e on e.id = c.eventId
			left join CaseFile cf on cf.id = c.caseId
			left join CooperationStep cs on cs.id = c.cooperationStepId
			left join AssetTransfer t on t.id = c.assetTransferId
			left join ReportedFigure rf on rf.id = c.reportedFigureId
			left join Operation o on o.id = c.operationId
			left join Agency a on a.id = c.agencyId
			left join AgencyPartnership ap on ap.id = c.agencyPartnershipId
			left join Country co on co.code = c.countryCode
			where c.source.id = :sourceId
			order by c.id""")
	List<Object[]> findCitationsWithSubjects(long sourceId);

	/** The choices of the admin forms' source select: newest first, real sources only. */
	List<Source> findTop200BySyntheticFalseOrderByIdDesc();

}
