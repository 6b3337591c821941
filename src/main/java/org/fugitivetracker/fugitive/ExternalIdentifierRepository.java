package org.fugitivetracker.fugitive;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.fugitivetracker.fugitive.ExternalIdentifier.Scheme;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** A person's identifiers with their sources, and who holds a number. */
public interface ExternalIdentifierRepository extends JpaRepository<ExternalIdentifier, Long> {

	@Query("""
			select x from ExternalIdentifier x join fetch x.source
			where x.fugitive.id = :fugitiveId order by x.scheme, x.value nulls first, x.id""")
	List<ExternalIdentifier> findForFugitive(long fugitiveId);

	/**
	 * The identifier, its row locked until the transaction ends: of two admins removing it at once,
	 * the second waits and then finds it gone (a plain delete would find no row and fail).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select x from ExternalIdentifier x where x.id = :id")
	Optional<ExternalIdentifier> findForRemoval(long id);

	/** The identifiers a source gives, with their people, by person. */
	@Query("""
			select x from ExternalIdentifier x join fetch x.fugitive f
			where x.source.id = :sourceId order by f.name, x.scheme, x.id""")
	List<ExternalIdentifier> findBySource(long sourceId);

	/** The identifier with this number in the scheme, whoever holds it (numbers compare without regard to case). */
	@Query("""
			select x from ExternalIdentifier x join fetch x.fugitive
			where x.scheme = :scheme and upper(x.value) = upper(:value)""")
	Optional<ExternalIdentifier> findByNumber(Scheme scheme, String value);

	/** A person's notices of the scheme whose number is not published. */
	@Query("""
			select x from ExternalIdentifier x
			where x.fugitive.id = :fugitiveId and x.scheme = :scheme and x.value is null""")
	List<ExternalIdentifier> findUnnumbered(long fugitiveId, Scheme scheme);

}
