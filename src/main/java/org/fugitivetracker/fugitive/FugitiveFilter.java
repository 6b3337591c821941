package org.fugitivetracker.fugitive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fugitivetracker.common.PlainText;

/**
 * What an analyst asked for, checked: the list page, the CSV export and the API all parse
 * {@link FugitiveQuery} with {@link #parse}, so one URL means the same rows everywhere, and a
 * wrong parameter is always a 400 naming it ({@link InvalidFilterException}).
 *
 * @param countries destination countries, ISO 3166-1 alpha-2, upper case; any of them matches
 * @param statuses any of them matches; empty means every status
 * @param q the text to search, trimmed; null when none
 * @param operation an operation id: the people on its wanted lists
 */
public record FugitiveFilter(Set<String> countries, Set<FugitiveStatus> statuses, String q, Long operation,
		FugitiveSort sort, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/**
	 * Pages are bounded: OFFSET makes PostgreSQL read and discard every row before the page, so
	 * the list stops at this row and asks to narrow the filter (or to export the CSV, which has no
	 * bound because it streams). At 200 rows a page that is 50 pages.
	 */
	public static final int MAX_OFFSET = 10_000;

	public static final int MAX_QUERY_LENGTH = 100;

	private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

	public FugitiveFilter {
		countries = Collections.unmodifiableSet(new TreeSet<>(countries));
		statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
	}

	public static FugitiveFilter none() {
		return parse(FugitiveQuery.empty());
	}

	/** Checks every parameter; the first wrong one throws. */
	public static FugitiveFilter parse(FugitiveQuery query) {
		Set<String> countries = new LinkedHashSet<>();
		for (String value : values(query.country())) {
			String code = value.toUpperCase(Locale.ROOT);
			if (!ISO_COUNTRIES.contains(code)) {
				throw new InvalidFilterException("country", "analyst.filter.error.country",
						"'" + value + "' is not an ISO 3166-1 alpha-2 country code (two letters, such as US).", value);
			}
			countries.add(code);
		}
		Set<FugitiveStatus> statuses = EnumSet.noneOf(FugitiveStatus.class);
		for (String value : values(query.status())) {
			try {
				statuses.add(FugitiveStatus.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidFilterException("status", "analyst.filter.error.status",
						"'" + value + "' is not a status; use AT_LARGE, IN_CUSTODY or RETURNED.", value);
			}
		}
		String q = blankToNull(query.q());
		if (q != null && q.length() > MAX_QUERY_LENGTH) {
			throw new InvalidFilterException("q", "analyst.filter.error.q",
					"the search text may have at most " + MAX_QUERY_LENGTH + " characters.", MAX_QUERY_LENGTH);
		}
		if (q != null && !PlainText.Validator.isPlain(q)) {
			// PostgreSQL refuses a NUL in a query parameter outright (a 500 otherwise).
			throw new InvalidFilterException("q", "security.filter.error.qPlainText",
					"the search text may not contain control characters.");
		}
		Long operation = null;
		String operationText = blankToNull(query.operation());
		if (operationText != null) {
			operation = parseNumber(operationText, 1, Long.MAX_VALUE);
			if (operation == null) {
				throw new InvalidFilterException("operation", "analyst.filter.error.operation",
						"'" + operationText + "' is not an operation id.", operationText);
			}
		}
		FugitiveSort sort = FugitiveSort.parse(query.sort());
		Paging paging = Paging.parse(query.page(), query.size());
		return new FugitiveFilter(countries, statuses, q, operation, sort, paging.page(), paging.size());
	}

	/**
	 * {@code page} (0-based) and {@code size} (1 to {@value #MAX_SIZE}, default
	 * {@value #DEFAULT_SIZE}), checked as for the fugitive list; the API's other lists page alike.
	 */
	public record Paging(int page, int size) {

		public static Paging parse(String pageText, String sizeText) {
			int page = 0;
			String text = blankToNull(pageText);
			if (text != null) {
				Long parsed = parseNumber(text, 0, Integer.MAX_VALUE);
				if (parsed == null) {
					throw new InvalidFilterException("page", "analyst.filter.error.page",
							"'" + text + "' is not a page number (a whole number from 0).", text);
				}
				page = parsed.intValue();
			}
			int size = DEFAULT_SIZE;
			text = blankToNull(sizeText);
			if (text != null) {
				Long parsed = parseNumber(text, 1, MAX_SIZE);
				if (parsed == null) {
					throw new InvalidFilterException("size", "analyst.filter.error.size",
							"'" + text + "' is not a page size; use a whole number from 1 to " + MAX_SIZE + ".", text,
							MAX_SIZE);
				}
				size = parsed.intValue();
			}
			return new Paging(page, size);
		}

		public long offset() {
			return (long) page * size;
		}

		/** Refuses a page that starts beyond {@link FugitiveFilter#MAX_OFFSET}. */
		public Paging requirePageable() {
			if (offset() >= MAX_OFFSET) {
				throw new InvalidFilterException("page", "analyst.filter.error.tooDeep",
						"page " + page + " (" + size + " rows a page) starts beyond row " + MAX_OFFSET
								+ "; narrow the filter, or download the CSV for the whole result.",
						String.valueOf(page), String.valueOf(size), MAX_OFFSET);
			}
			return this;
		}

	}

	/** For the paged views (page and API): refuses a page that starts beyond {@link #MAX_OFFSET}. */
	public FugitiveFilter requirePageable() {
		new Paging(page, size).requirePageable();
		return this;
	}

	public long offset() {
		return (long) page * size;
	}

	/** The words of {@code q}; each must occur (in any order) in the person's search text. */
	public List<String> terms() {
		return q == null ? List.of() : Arrays.stream(q.split("\\s+")).filter(t -> !t.isEmpty()).toList();
	}

	public boolean isEmpty() {
		return countries.isEmpty() && statuses.isEmpty() && q == null && operation == null;
	}

	/** The same filter on another page. */
	public FugitiveFilter withPage(int newPage) {
		return new FugitiveFilter(countries, statuses, q, operation, sort, newPage, size);
	}

	/**
	 * The query string (no leading '?') that reproduces this filter, encoded as a browser encodes a
	 * GET form ({@code +} for a space, {@code %2B} for a plus), with or without the paging.
	 */
	public String toQueryString(boolean withPaging) {
		StringJoiner query = new StringJoiner("&");
		countries.forEach(c -> query.add(param("country", c)));
		statuses.forEach(s -> query.add(param("status", s.name())));
		if (q != null) {
			query.add(param("q", q));
		}
		if (operation != null) {
			query.add(param("operation", operation.toString()));
		}
		if (!sort.equals(FugitiveSort.DEFAULT)) {
			query.add(param("sort", sort.param()));
		}
		if (withPaging) {
			query.add(param("page", Integer.toString(page)));
			query.add(param("size", Integer.toString(size)));
		}
		return query.toString();
	}

	private static String param(String name, String value) {
		return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public Set<String> statusNames() {
		return statuses.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<String> values(List<String> raw) {
		List<String> values = new ArrayList<>();
		if (raw != null) {
			for (String value : raw) {
				// "country=US,CA" is read like "country=US&country=CA".
				for (String part : value == null ? new String[0] : value.split(",")) {
					if (!part.isBlank()) {
						values.add(part.strip());
					}
				}
			}
		}
		return values;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Long parseNumber(String text, long min, long max) {
		if (!text.matches("\\d{1,18}")) {
			return null;
		}
		long value = Long.parseLong(text);
		return value < min || value > max ? null : value;
	}

}
