package org.fugitivetracker.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Cases for the case pages, the writes and the API: one case with its people, a person's cases, the paged list. */
public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

	Optional<CaseFile> findByTitle(String title);

	@EntityGraph(attributePaths = { "participants", "participants.fugitive" })
	@Query("select c from CaseFile c where c.id = :id")
	Optional<CaseFile> findWithParticipants(long id);

	/** The cases a fugitive is in, each with the fugitive's part in it: one statement, one row a case. */
	@Query("""
			select new org.fugitivetracker.casefile.Participation(c, p.role) from CaseFile c join c.participants p
			where p.fugitive.id = :fugitiveId order by c.title, c.id""")
	List<Participation> findParticipations(long fugitiveId);

	/** The cases a fugitive is in, with their participants' roles. */
	@Query("select distinct c from CaseFile c join c.participants p where p.fugitive.id = :fugitiveId order by c.title")
	List<CaseFile> findByParticipant(long fugitiveId);

	/**
	 * The case list, one page sorted by title, with each case's participant counts; the counts are
	 * computed for the cases of the page only, in the same statement.
	 */
	@Query(value = """
			select c.id as id, c.title as title, c.title_zh as "titleZh", c.status as status,
			       c.counterpart_country as "counterpartCountry",
			       (select count(*) from case_participant p where p.case_id = c.id) as participants,
			       (select count(*) from case_participant p join fugitive f on f.id = p.fugitive_id
			        where p.case_id = c.id and f.status = 'AT_LARGE') as "atLarge"
			from case_file c
			order by c.title, c.id""", countQuery = "select count(*) from case_file", nativeQuery = true)
	Page<CaseSummary> findSummaries(Pageable pageable);

}
