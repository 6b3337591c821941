package org.fugitivetracker.source;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SourceRepository extends JpaRepository<Source, Long> {

	List<Source> findAllByOrderByPublishedDateDescIdAsc();

	/** The choices of the admin forms' source select: newest first, real sources only. */
	List<Source> findTop200BySyntheticFalseOrderByIdDesc();

}
