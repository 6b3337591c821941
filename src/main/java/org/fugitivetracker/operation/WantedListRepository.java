package org.fugitivetracker.operation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The wanted lists a person can be put on. */
public interface WantedListRepository extends JpaRepository<WantedList, Long> {

	List<WantedList> findAllByOrderByNameAsc();

}
