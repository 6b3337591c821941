package org.fugitivetracker.source;

/**
 * The source part of every admin form and API request: an existing source ({@code sourceId}) or
 * a new one ({@code sourceTitle} + {@code sourceUrl}), and the source's words ({@code quote}).
 */
public interface CitesSource {

	Long sourceId();

	String sourceTitle();

	String sourceUrl();

	String quote();

	default boolean namesNewSource() {
		return hasText(sourceTitle()) || hasText(sourceUrl());
	}

	default boolean namesAnySource() {
		return sourceId() != null || namesNewSource();
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
