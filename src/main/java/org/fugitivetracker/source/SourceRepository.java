package org.fugitivetracker.source;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.fugitivetracker.source.CitedSubject.Kind;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SourceRepository extends JpaRepository<Source, Long> {

	List<Source> findAllByOrderByPublishedDateDescIdAsc();

	/** The first-recorded source at this address. */
	java.util.Optional<Source> findFirstByUrlOrderById(String url);

	/** The first-recorded source of this publisher and title that has no address. */
	java.util.Optional<Source> findFirstByPublisherAndTitleAndUrlIsNullOrderById(String publisher, String title);

	Page<Source> findAllByOrderByPublishedDateDescIdAsc(Pageable pageable);

	/** How many citations one source has: a row of {@link #countCitations}. */
	record CitationCount(long sourceId, long citations) {
	}

	/**
	 * A citation with the one subject it is about, and that subject's kind (both null where the
	 * citation names none): a row of {@link #findCitationsWithSubjects}.
	 */
	record CitationOfSubject(Citation citation, Kind kind, Object subject) {

		/** The kinds of the query's subject columns, in their order. */
		private static final List<Kind> COLUMNS = List.of(Kind.FUGITIVE, Kind.EVENT, Kind.CASE, Kind.COOPERATION_STEP,
				Kind.ASSET_TRANSFER, Kind.FIGURE, Kind.OPERATION, Kind.AGENCY, Kind.AGENCY_PARTNERSHIP, Kind.COUNTRY);

		/** The query's row: the citation, then one column per kind of subject, null but for the one it is about. */
		public CitationOfSubject(Citation citation, Object fugitive, Object event, Object caseFile,
				Object cooperationStep, Object assetTransfer, Object figure, Object operation, Object agency,
				Object agencyPartnership, Object country) {
			this(citation, Arrays.asList(fugitive, event, caseFile, cooperationStep, assetTransfer, figure, operation,
					agency, agencyPartnership, country));
		}

		private CitationOfSubject(Citation citation, List<Object> columns) {
			this(citation, kindOf(columns), columns.stream().filter(Objects::nonNull).findFirst().orElse(null));
		}

		/** The kind of the first column that is set, or null where none is. */
		private static Kind kindOf(List<Object> columns) {
			return IntStream.range(0, columns.size())
				.filter(column -> columns.get(column) != null)
				.mapToObj(COLUMNS::get)
				.findFirst()
				.orElse(null);
		}

	}

	/** How many citations each of the given sources has, one GROUP BY. */
	@Query("""
			select new org.fugitivetracker.source.SourceRepository$CitationCount(c.source.id, count(c))
			from Citation c where c.source.id in :sourceIds group by c.source.id""")
	List<CitationCount> countCitations(Collection<Long> sourceIds);

	/**
	 * Every citation of a source with the subject it is about, in one query: each row holds the
	 * citation, then the one subject that is set (fugitive, event, case, cooperation step, asset
	 * transfer, reported figure, operation, agency, agency partnership or country) among nulls.
	 */
	@Query("""
			select new org.fugitivetracker.source.SourceRepository$CitationOfSubject(c, f, e, cf, cs, t, rf, o, a, ap, co)
			from Citation c
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
	List<CitationOfSubject> findCitationsWithSubjects(long sourceId);

	/** The choices of the admin forms' source select: newest first, real sources only. */
	List<Source> findTop200BySyntheticFalseOrderByIdDesc();

}
