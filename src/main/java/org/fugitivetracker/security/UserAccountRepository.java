package org.fugitivetracker.security;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	/**
	 * The enabled accounts of a role, their rows locked until the transaction ends: two
	 * administrators disabling each other at once are then counted one after the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from UserAccount a where a.role = :role and a.enabled = true order by a.id")
	List<UserAccount> lockEnabled(@Param("role") Role role);

}
