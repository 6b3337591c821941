package org.fugitivetracker.api;

import java.util.List;

/**
 * A page of an API list, in the shape Spring Data's {@code PagedModel} gives:
 * {@code {"content":[...],"page":{"number","size","totalElements","totalPages"}}}.
 */
record ApiPage<T>(List<T> content, Metadata page) {

	record Metadata(int number, int size, long totalElements, int totalPages) {

	}

	static <T> ApiPage<T> of(List<T> content, int number, int size, long totalElements) {
		return new ApiPage<>(content,
				new Metadata(number, size, totalElements, (int) ((totalElements + size - 1) / size)));
	}

}
