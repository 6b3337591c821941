package org.fugitivetracker.fugitive;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FugitiveRepository extends JpaRepository<Fugitive, Long> {

	Optional<Fugitive> findByName(String name);

	/** The profile: the fugitive with destinations and offences in one query, the rest batch-fetched. */
	@EntityGraph(attributePaths = { "destinationCountries", "offences" })
	@Query("select f from Fugitive f where f.id = :id")
	Optional<Fugitive> findProfile(long id);

}
