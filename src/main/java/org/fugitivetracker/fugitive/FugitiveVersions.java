package org.fugitivetracker.fugitive;

import org.fugitivetracker.common.EditConflictException;
import org.fugitivetracker.web.RecordNotFoundException;
import org.fugitivetracker.web.VersionedRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimistic locking of a fugitive: every write names the version the admin saw. A write on an
 * older version is refused before anything is stored; two writes racing on the same version are
 * settled by the {@code @Version} check of the UPDATE (one commits, the other's UPDATE matches no
 * row and its whole transaction rolls back).
 */
@Component
public class FugitiveVersions implements VersionedRecords {

	private final FugitiveRepository fugitives;

	FugitiveVersions(FugitiveRepository fugitives) {
		this.fugitives = fugitives;
	}

	/** Refuses a write made against {@code seenVersion} when the fugitive has changed since. */
	public static void check(Fugitive fugitive, long seenVersion) {
		if (fugitive.getVersion() != seenVersion) {
			throw conflict(fugitive);
		}
	}

	@Override
	public Class<?> type() {
		return Fugitive.class;
	}

	/** The conflict as it stands now (for a write that lost the race at commit). */
	@Override
	@Transactional(readOnly = true)
	public EditConflictException conflict(long fugitiveId) {
		return conflict(fugitives.findById(fugitiveId).orElseThrow(() -> new RecordNotFoundException("fugitive", fugitiveId)));
	}

	private static EditConflictException conflict(Fugitive fugitive) {
		return new EditConflictException(fugitive.getName(), fugitive.getUpdatedBy(), fugitive.getUpdatedAt(),
				fugitive.getVersion());
	}

}
