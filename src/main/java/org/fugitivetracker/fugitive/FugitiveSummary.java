package org.fugitivetracker.fugitive;

import org.fugitivetracker.common.PartialDate;

/** What the admin pages and the write API show of a fugitive after a write. */
public record FugitiveSummary(long id, String name, String nativeName, FugitiveStatus status, PartialDate fled,
		long version) {

	static FugitiveSummary of(Fugitive fugitive) {
		return new FugitiveSummary(fugitive.getId(), fugitive.getName(), fugitive.getNativeName(), fugitive.getStatus(),
				fugitive.getFled(), fugitive.getVersion());
	}

}
