package org.fugitivetracker.casefile;

import java.util.List;
import java.util.Optional;

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

}
