package org.fugitivetracker.common;

/**
 * One broken rule of a write: the field it concerns (null for the record as a whole), a message
 * code from the admin bundle and its arguments. Forms show it next to the field; the API returns
 * it in the problem's {@code errors}.
 */
public record Violation(String field, String code, Object... args) {

	public static Violation of(String field, String code, Object... args) {
		return new Violation(field, code, args);
	}

}
