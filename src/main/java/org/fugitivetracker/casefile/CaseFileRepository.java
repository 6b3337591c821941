package org.fugitivetracker.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

	Optional<CaseFile> findByTitle(String title);

	@EntityGraph(attributePaths = { "participants", "participants.fugitive" })
	@Query("select c from CaseFile c where c.id = :id")
	Optional<CaseFile> findWithParticipants(long id);

	/** The cases a fugitive is in, with their participants' roles. */
	@Query("select distinct c from CaseFile c join c.participants p where p.fugitive.id = :fugitiveId order by c.title")
	List<CaseFile> findByParticipant(long fugitiveId);

	/** The case list, one page, with participant counts from one GROUP BY (sorted by title). */
	@Query(value = """
			select c.id as id, c.title as title, c.status as status, c.counterpart_country as "counterpartCountry",
			       count(p.fugitive_id) as participants,
			       count(p.fugitive_id) filter (where f.status = 'AT_LARGE') as "atLarge"
			from case_file c
			left join case_participant p on p.case_id = c.id
			left join fugitive f on f.id = p.fugitive_id
			group by c.id
			order by c.title, c.id""", countQuery = "select count(*) from case_file", nativeQuery = true)
	Page<CaseSummary> findSummaries(Pageable pageable);

}
