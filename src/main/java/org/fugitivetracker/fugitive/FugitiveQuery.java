package org.fugitivetracker.fugitive;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The list's request parameters exactly as sent, all as text, so that binding itself never fails
 * and {@link FugitiveFilter#parse} can say precisely what is wrong. The same record binds the
 * page, the CSV export and the API, so the three take the same URL.
 */
public record FugitiveQuery(
		@Parameter(description = "Destination country, ISO 3166-1 alpha-2; repeatable (any of them)",
				example = "US") List<String> country,
		@Parameter(description = "AT_LARGE, IN_CUSTODY or RETURNED; repeatable (any of them)") List<String> status,
		@Parameter(description = "Text in any name (any script), alias, former position or organisation; "
				+ "case- and accent-insensitive; words are all required") String q,
		@Parameter(description = "An operation id: the people on its wanted lists") String operation,
		@Parameter(description = "name, status or fled, then ,asc or ,desc", example = "name,asc") String sort,
		@Parameter(description = "0-based page number; page * size must stay below 10000",
				example = "0") String page,
		@Parameter(description = "Rows per page, 1 to 200", example = "50") String size) {

	public static FugitiveQuery empty() {
		return new FugitiveQuery(null, null, null, null, null, null, null);
	}

}
