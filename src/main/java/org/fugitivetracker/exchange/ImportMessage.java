package org.fugitivetracker.exchange;

import java.util.List;

/**
 * Why a line was refused or what a warning is about: a message key and its arguments, shown in the
 * uploader's language.
 */
public record ImportMessage(String key, List<String> arguments) {

	public static ImportMessage of(String key, Object... arguments) {
		return new ImportMessage(key, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
	}

}
