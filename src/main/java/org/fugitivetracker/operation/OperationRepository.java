package org.fugitivetracker.operation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Operations for the operation pages: all of them by start date, or one with the agency that launched it. */
public interface OperationRepository extends JpaRepository<Operation, Long> {

	List<Operation> findAllByOrderByStartedDateAscIdAsc();

	@Query("select o from Operation o left join fetch o.launchedBy where o.id = :id")
	Optional<Operation> findWithAgency(long id);

}
