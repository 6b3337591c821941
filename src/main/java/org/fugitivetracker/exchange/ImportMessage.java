package org.fugitivetracker.exchange;

import java.util.List;

/**
 * Why a line was refused or what a warning is about: a message key and its arguments, shown in the
 * uploader's language, and the column or property it is about where it is about one (else null).
 */
public record ImportMessage(String key, List<String> arguments, String field) {

	public static ImportMessage of(String key, Object... arguments) {
		return new ImportMessage(key, java.util.Arrays.stream(arguments).map(String::valueOf).toList(), null);
	}

	/** A message about one column of a CSV row or one property of an FtM entity. */
	public static ImportMessage about(String field, String key, Object... arguments) {
		return new ImportMessage(key, java.util.Arrays.stream(arguments).map(String::valueOf).toList(), field);
	}

}
