package org.fugitivetracker.fugitive;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** A person's places on wanted lists with their lists and sources, and who holds a rank. */
public interface ListMembershipRepository extends JpaRepository<ListMembership, Long> {

	@Query("""
			select m from ListMembership m join fetch m.wantedList l join fetch m.source
			where m.fugitive.id = :fugitiveId order by l.name, m.id""")
	List<ListMembership> findForFugitive(long fugitiveId);

	/** The place, its row locked until the transaction ends (see {@link ExternalIdentifierRepository#findForRemoval}). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from ListMembership m where m.id = :id")
	Optional<ListMembership> findForRemoval(long id);

	/** The places a source gives, with their people and lists, by person. */
	@Query("""
			select m from ListMembership m join fetch m.fugitive f join fetch m.wantedList
			where m.source.id = :sourceId order by f.name, m.id""")
	List<ListMembership> findBySource(long sourceId);

	@Query("""
			select m from ListMembership m join fetch m.fugitive
			where m.wantedList.id = :wantedListId and m.rank = :rank""")
	Optional<ListMembership> findByRank(long wantedListId, int rank);

	@Query("""
			select count(m) > 0 from ListMembership m
			where m.fugitive.id = :fugitiveId and m.wantedList.id = :wantedListId""")
	boolean isOnTheList(long fugitiveId, long wantedListId);

}
