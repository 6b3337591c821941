package org.fugitivetracker.fugitive;

/** Where a fugitive stands; always derived from their events, never typed in. */
public enum FugitiveStatus {

	AT_LARGE, IN_CUSTODY, RETURNED

}
