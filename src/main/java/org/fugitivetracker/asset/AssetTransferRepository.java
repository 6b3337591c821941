package org.fugitivetracker.asset;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Asset transfers as the profile and case pages read them: a person's or a case's, in the order recorded. */
public interface AssetTransferRepository extends JpaRepository<AssetTransfer, Long> {

	/** A person's transfers with their channels, in one statement (a row per channel). */
	@Query("select t from AssetTransfer t left join fetch t.channels where t.fugitive.id = :fugitiveId order by t.id")
	List<AssetTransfer> findForFugitive(long fugitiveId);

	@Query("select t from AssetTransfer t where t.caseFile.id = :caseId order by t.id")
	List<AssetTransfer> findForCase(long caseId);

}
