package org.fugitivetracker.fugitive;

import org.fugitivetracker.fugitive.FugitiveStatus;

/** A person on one of an operation's wanted lists, at their rank. */
public record ListedFugitive(Long fugitiveId, String name, String nativeName, FugitiveStatus status, Integer rank,
		String listName, String listNameZh) {
}
