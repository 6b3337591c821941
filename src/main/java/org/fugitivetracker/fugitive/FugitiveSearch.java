package org.fugitivetracker.fugitive;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.FugitiveFacets.CountryCount;
import org.fugitivetracker.fugitive.FugitiveFacets.StatusCount;
import org.fugitivetracker.fugitive.FugitiveSearchPage.OperationOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filters fugitives in SQL for the list page ({@link #page}), the API ({@link #list}) and the CSV
 * ({@link #export}), each in a fixed number of statements whatever the page size: a page is found
 * as ids first and only its rows are read (their return date by a LATERAL sub-select), the counts
 * of a filter by country and status come from the {@code fugitive_facet_count} summary and the
 * country tallies so they cost the same for any number of people, a filter with text or an
 * operation reads its matches once for its page, total and counts, and the CSV is one query read
 * through a cursor so memory does not grow with the result.
 */
@Service
public class FugitiveSearch {

	static final int FETCH_SIZE = 1000;


	private static final String RETURNED = FugitiveStatus.RETURNED.name();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock = Clock.systemDefaultZone();

	private final FlightEvents flightEvents;

	/** How long each statement of a CSV export may run (a page's: {@code app.database.statement-timeout}). */
	@Value("${app.export.statement-timeout:60s}")
	private Duration exportStatementTimeout = Duration.ofSeconds(60);

	public FugitiveSearch(DataSource dataSource, FlightEvents flightEvents) {
		this.flightEvents = flightEvents;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	/** The list page: rows, facets, total and the operations of the form. */
	@Transactional(readOnly = true)
	public FugitiveSearchPage page(FugitiveFilter filter) {
		// The operations of the form, each with its wanted lists: one statement that also
		// resolves the operation filter.
		Map<Long, List<Long>> listsOf = new HashMap<>();
		List<OperationOption> operations = jdbc.query("""
				SELECT o.id, o.code_name, o.code_name_zh,
				       ARRAY(SELECT wl.id FROM wanted_list wl WHERE wl.operation_id = o.id ORDER BY wl.id) AS lists
				FROM operation o ORDER BY o.started_date NULLS LAST, o.code_name, o.id""", (rs, n) -> {
			listsOf.put(rs.getLong("id"), longs(rs.getArray("lists")));
			return new OperationOption(rs.getLong("id"), rs.getString("code_name"), rs.getString("code_name_zh"));
		});
		if (filter.operation() != null && !listsOf.containsKey(filter.operation())) {
			throw unknownOperation(filter.operation());
		}
		Scope scope = new Scope(filter, filter.operation() == null ? null : listsOf.get(filter.operation()));
		if (countsFromSummary(scope)) {
			List<FugitiveRow> rows = rows(scope);
			FugitiveFacets facets = new FugitiveFacets(countryFacet(scope), statusFacet(scope));
			return new FugitiveSearchPage(filter, rows, facets.total(), facets, operations);
		}
		MatchPage page = matching(scope, true);
		return new FugitiveSearchPage(filter, page.rows(), page.total(), page.facets(), operations);
	}

	/** A page of rows and the total, for the API. */
	@Transactional(readOnly = true)
	public RowPage list(FugitiveFilter filter) {
		Scope scope = resolve(filter);
		if (!countsFromSummary(scope)) {
			MatchPage page = matching(scope, false);
			return new RowPage(page.rows(), page.total());
		}
		Query count = countQuery(scope);
		Long total = jdbc.queryForObject(count.sql(), count.params(), Long.class);
		return new RowPage(rows(scope), total == null ? 0 : total);
	}

	public record RowPage(List<FugitiveRow> rows, long total) {

	}

	/**
	 * A filter ready to run: its operation (if any) resolved to the ids of the operation's wanted
	 * lists, so that the membership condition is a list of constants the planner can estimate
	 * (through the operation-to-list join it guesses thousands of members and walks the name
	 * index instead).
	 */
	public record Scope(FugitiveFilter filter, List<Long> wantedLists) {

	}

	/**
	 * Checks the filter against the database (an unknown operation is a 400, like an unknown
	 * country) and resolves it; one statement when it names an operation, none otherwise.
	 */
	@Transactional(readOnly = true)
	public Scope resolve(FugitiveFilter filter) {
		if (filter.operation() == null) {
			return new Scope(filter, null);
		}
		List<List<Long>> lists = jdbc.query("""
				SELECT ARRAY(SELECT wl.id FROM wanted_list wl WHERE wl.operation_id = o.id ORDER BY wl.id) AS lists
				FROM operation o WHERE o.id = :id""", Map.of("id", filter.operation()),
				(rs, n) -> longs(rs.getArray("lists")));
		if (lists.isEmpty()) {
			throw unknownOperation(filter.operation());
		}
		return new Scope(filter, lists.get(0));
	}

	/**
	 * Every row of the filter, in its order, handed one by one to {@code sink} while the cursor
	 * is read (fetch size {@value #FETCH_SIZE}, in this read-only transaction); page and size are
	 * ignored. Its statements may run for {@code app.export.statement-timeout} rather than a
	 * page's limit; waiting for a lock stays as short as a page's, so an export never sits on its
	 * connection behind a locked table.
	 */
	@Transactional(readOnly = true)
	public void export(Scope scope, Consumer<FugitiveRow> sink) {
		long limit = exportStatementTimeout.toMillis();
		jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL statement_timeout = " + limit);
			}
			// the socket waits longer than the server before it cancels; the pool resets this
			int socketLimit = limit == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, limit + 5000);
			connection.setNetworkTimeout(Runnable::run, socketLimit);
			return null;
		});
		Query query = rowsQuery(scope, false);
		RowMapper<FugitiveRow> mapper = rowMapper(LocalDate.now(clock));
		jdbc.query(query.sql(), query.params(), rs -> {
			sink.accept(mapper.mapRow(rs, 0));
		});
	}

	private static InvalidFilterException unknownOperation(long id) {
		return new InvalidFilterException("operation", "analyst.filter.error.operationUnknown",
				"there is no operation with id " + id + ".", String.valueOf(id));
	}

	List<FugitiveRow> rows(Scope scope) {
		Query query = rowsQuery(scope, true);
		return jdbc.query(query.sql(), query.params(), rowMapper(LocalDate.now(clock)));
	}

	/**
	 * The rows of the filter in its order; with {@code paged}, only the filter's page. A page is
	 * found as ids first ({@link #pageIds}), then only its rows are read. A filter with text or an
	 * operation pages through {@link #matchingQuery} instead.
	 */
	Query rowsQuery(Scope scope, boolean paged) {
		FugitiveFilter filter = scope.filter();
		Query where = where(scope, Dimension.NONE);
		MapSqlParameterSource params = where.params();
		params.addValue("returnTypes", flightEvents.returnTypeCodes());
		String chosen;
		if (paged) {
			chosen = " WHERE f.id IN (" + pageIds(filter, where.sql()) + ")";
			params.addValue("limit", filter.size()).addValue("offset", filter.offset());
		}
		else {
			chosen = where.sql();
		}
		// A page's rows show the primary photo's thumbnail; the CSV has no use for it.
		String sql = """
				SELECT p.id, p.name, p.native_name, p.status, p.former_position, p.former_position_zh,
				       p.former_organisation, p.fled_date, p.fled_precision, p.destinations,
				       r.occurred_date AS returned_date, r.occurred_precision AS returned_precision, %s
				FROM (SELECT %s FROM fugitive f%s ORDER BY %s) p
				%s%s
				ORDER BY %s""".formatted(paged ? THUMBNAIL_COLUMNS : NO_THUMBNAIL, ROW_COLUMNS, chosen,
				filter.sort().orderBy("f"), RETURN_DATE, paged ? THUMBNAIL : "", filter.sort().orderBy("p"));
		return new Query(sql, params);
	}

	private static final String ROW_COLUMNS = """
			f.id, f.name, f.native_name, f.status, f.former_position, f.former_position_zh,
			f.former_organisation, f.fled_date, f.fled_precision, f.destinations""";

	/** The date a returned person came back (see {@link FlightEvents}), joined to the rows {@code p}. */
	private static final String RETURN_DATE = """
			LEFT JOIN LATERAL (SELECT e.occurred_date, e.occurred_precision FROM event e
			                   WHERE p.status = '%s' AND e.fugitive_id = p.id AND e.type IN (:returnTypes)
			                     AND e.occurred_date IS NOT NULL
			                   ORDER BY e.occurred_date DESC, e.id DESC LIMIT 1) r ON TRUE""".formatted(RETURNED);

	/**
	 * The primary photo's thumbnail (the photo module's table, at most one primary a person by its
	 * unique index), joined to the rows {@code p} of a page.
	 */
	private static final String THUMBNAIL = "\nLEFT JOIN fugitive_photo ph ON ph.fugitive_id = p.id AND ph.is_primary";

	private static final String THUMBNAIL_COLUMNS = "ph.id AS photo_id, ph.thumbnail_width, ph.thumbnail_height";

	private static final String NO_THUMBNAIL = "NULL AS photo_id, NULL AS thumbnail_width, NULL AS thumbnail_height";

	/**
	 * The ids of the page. Selecting only the id and the sort keys lets PostgreSQL skip the first
	 * {@code offset} rows inside an index (index-only scan on (name, id), (status, name, id) or
	 * the fled-date indexes) instead of reading each skipped row, which made a deep page cost as
	 * much as every row before it.
	 */
	private static String pageIds(FugitiveFilter filter, String where) {
		return "SELECT f.id FROM fugitive f" + where + " ORDER BY " + filter.sort().orderBy("f")
				+ " LIMIT :limit OFFSET :offset";
	}

	/** The counts of {@link #matchingQuery}, in arrays: by status, and for every country of the table. */
	private static final String FACETS = """
			ARRAY(SELECT b.status FROM by_status b ORDER BY b.status) AS status_codes,
			ARRAY(SELECT b.hits FROM by_status b ORDER BY b.status) AS status_hits,
			ARRAY(SELECT c.code FROM country c ORDER BY c.code) AS country_codes,
			ARRAY(SELECT c.name_en FROM country c ORDER BY c.code) AS country_names_en,
			ARRAY(SELECT c.name_zh FROM country c ORDER BY c.code) AS country_names_zh,
			ARRAY(SELECT coalesce(n.hits, 0) FROM country c
			      LEFT JOIN by_country n ON n.country_code = c.code ORDER BY c.code) AS country_hits""";

	/** Where only the total is wanted (the API): a CTE no part of the statement reads is not run. */
	private static final String NO_FACETS = """
			CAST(NULL AS TEXT[]) AS status_codes, CAST(NULL AS BIGINT[]) AS status_hits,
			CAST(NULL AS TEXT[]) AS country_codes, CAST(NULL AS TEXT[]) AS country_names_en,
			CAST(NULL AS TEXT[]) AS country_names_zh, CAST(NULL AS BIGINT[]) AS country_hits""";

	/** A page of a filter with text or an operation, with its exact total and (if asked) counts. */
	record MatchPage(List<FugitiveRow> rows, long total, FugitiveFacets facets) {

	}

	/**
	 * A filter with text or an operation in one statement that reads its matches once
	 * ({@link #matchingQuery}). Its first row also carries the total and the counts, in arrays.
	 */
	MatchPage matching(Scope scope, boolean withFacets) {
		Query query = matchingQuery(scope, withFacets);
		FugitiveFilter filter = scope.filter();
		RowMapper<FugitiveRow> mapper = rowMapper(LocalDate.now(clock));
		List<FugitiveRow> rows = new ArrayList<>();
		long[] total = { 0 };
		Map<FugitiveStatus, Long> statusCounts = new EnumMap<>(FugitiveStatus.class);
		List<CountryCount> countries = new ArrayList<>();
		jdbc.query(query.sql(), query.params(), rs -> {
			if (rs.getObject("total") != null) {
				total[0] = rs.getLong("total");
				List<String> statuses = strings(rs.getArray("status_codes"));
				List<Long> statusHits = longs(rs.getArray("status_hits"));
				for (int i = 0; i < statuses.size(); i++) {
					statusCounts.put(FugitiveStatus.valueOf(statuses.get(i)), statusHits.get(i));
				}
				List<String> codes = strings(rs.getArray("country_codes"));
				List<String> namesEn = strings(rs.getArray("country_names_en"));
				List<String> namesZh = strings(rs.getArray("country_names_zh"));
				List<Long> countryHits = longs(rs.getArray("country_hits"));
				for (int i = 0; i < codes.size(); i++) {
					countries.add(new CountryCount(codes.get(i), namesEn.get(i), namesZh.get(i), countryHits.get(i),
							filter.countries().contains(codes.get(i)), true));
				}
			}
			if (rs.getObject("id") != null) {
				rows.add(mapper.mapRow(rs, rows.size()));
			}
		});
		List<StatusCount> statuses = Arrays.stream(FugitiveStatus.values())
			.map(s -> new StatusCount(s, statusCounts.getOrDefault(s, 0L), filter.statuses().contains(s)))
			.toList();
		return new MatchPage(rows, total[0], new FugitiveFacets(withUnknownChosen(countries, filter), statuses));
	}

	/**
	 * The matches of the text or operation ({@code m}) are collected once, from the trigram,
	 * Chinese-character or membership index, and kept. The page is sorted out of them (walking the
	 * name index and testing each row instead cost the position of the last match in name order:
	 * most of the table for a common surname late in the alphabet such as "zhang"); the total and
	 * the counts are taken from them too. The counts go through the matches' shapes, (status,
	 * destinations) with how many have each, like the {@code fugitive_facet_count} summary: a few
	 * hundred rows to unnest instead of one per match.
	 */
	Query matchingQuery(Scope scope, boolean withFacets) {
		FugitiveFilter filter = scope.filter();
		Query matching = where(scope, Dimension.BOTH);
		MapSqlParameterSource params = matching.params();
		params.addValue("returnTypes", flightEvents.returnTypeCodes());
		params.addValue("limit", filter.size()).addValue("offset", filter.offset());
		List<String> chosen = new ArrayList<>();
		String shapesInCountries = "";
		if (!filter.countries().isEmpty()) {
			chosen.add("m.destinations && CAST(ARRAY[:countries] AS TEXT[])");
			shapesInCountries = " WHERE s.destinations && CAST(ARRAY[:countries] AS TEXT[])";
			params.addValue("countries", List.copyOf(filter.countries()));
		}
		String shapesInStatuses = "";
		if (!filter.statuses().isEmpty()) {
			chosen.add("m.status IN (:statuses)");
			shapesInStatuses = " WHERE s.status IN (:statuses)";
			params.addValue("statuses", List.copyOf(filter.statusNames()));
		}
		String sql = """
				WITH m AS MATERIALIZED (SELECT f.id, f.name, f.status, f.fled_date, f.destinations
				                        FROM fugitive f%s),
				     chosen AS (SELECT m.id, m.name, m.status, m.fled_date FROM m%s),
				     page AS (SELECT c.id FROM chosen c ORDER BY %s LIMIT :limit OFFSET :offset),
				     shapes AS (SELECT m.status, m.destinations, count(*) AS hits FROM m
				                GROUP BY m.status, m.destinations),
				     by_status AS (SELECT s.status, sum(s.hits)::bigint AS hits FROM shapes s%s GROUP BY s.status),
				     by_country AS (SELECT d.country_code, sum(s.hits)::bigint AS hits
				                    FROM shapes s CROSS JOIN LATERAL unnest(s.destinations) AS d(country_code)%s
				                    GROUP BY d.country_code),
				     counts AS (SELECT (SELECT count(*) FROM chosen) AS total, %s)
				SELECT x.*, CASE WHEN x.rn = 1 THEN k.total END AS total,
				       CASE WHEN x.rn = 1 THEN k.status_codes END AS status_codes,
				       CASE WHEN x.rn = 1 THEN k.status_hits END AS status_hits,
				       CASE WHEN x.rn = 1 THEN k.country_codes END AS country_codes,
				       CASE WHEN x.rn = 1 THEN k.country_names_en END AS country_names_en,
				       CASE WHEN x.rn = 1 THEN k.country_names_zh END AS country_names_zh,
				       CASE WHEN x.rn = 1 THEN k.country_hits END AS country_hits
				FROM (SELECT p.id, p.name, p.native_name, p.status, p.former_position, p.former_position_zh,
				             p.former_organisation, p.fled_date, p.fled_precision, p.destinations,
				             r.occurred_date AS returned_date, r.occurred_precision AS returned_precision, %s,
				             row_number() OVER (ORDER BY %s) AS rn
				      FROM (SELECT 1) AS one
				      LEFT JOIN (SELECT %s FROM fugitive f JOIN page ON page.id = f.id) p ON TRUE
				      %s%s) x
				CROSS JOIN counts k
				ORDER BY x.rn""".formatted(matching.sql(),
				chosen.isEmpty() ? "" : " WHERE " + String.join(" AND ", chosen), filter.sort().orderBy("c"),
				shapesInCountries, shapesInStatuses, withFacets ? FACETS : NO_FACETS, THUMBNAIL_COLUMNS,
				filter.sort().orderBy("p"), ROW_COLUMNS, RETURN_DATE, THUMBNAIL);
		return new Query(sql, params);
	}

	/** Counts per status under every filter except the status filter, from the summary. */
	List<StatusCount> statusFacet(Scope scope) {
		FugitiveFilter filter = scope.filter();
		Query query = statusFacetQuery(scope);
		Map<FugitiveStatus, Long> counts = new EnumMap<>(FugitiveStatus.class);
		jdbc.query(query.sql(), query.params(), rs -> {
			counts.put(FugitiveStatus.valueOf(rs.getString("status")), rs.getLong("hits"));
		});
		return Arrays.stream(FugitiveStatus.values())
			.map(s -> new StatusCount(s, counts.getOrDefault(s, 0L), filter.statuses().contains(s)))
			.toList();
	}

	/**
	 * Counts per destination country under every filter except the country filter, for every
	 * country of the country table (so the form offers them all), plus any chosen code the table
	 * does not hold; from the summary.
	 */
	List<CountryCount> countryFacet(Scope scope) {
		FugitiveFilter filter = scope.filter();
		Query query = countryFacetQuery(scope);
		return withUnknownChosen(jdbc.query(query.sql(), query.params(),
				(rs, i) -> new CountryCount(rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh"),
						rs.getLong("hits"), filter.countries().contains(rs.getString("code")), true)),
				filter);
	}

	/** The counts plus any chosen code the country table does not hold (count 0). */
	private static List<CountryCount> withUnknownChosen(List<CountryCount> counted, FugitiveFilter filter) {
		List<CountryCount> counts = new ArrayList<>(counted);
		Set<String> known = counts.stream().map(CountryCount::code).collect(Collectors.toSet());
		filter.countries()
			.stream()
			.filter(code -> !known.contains(code))
			.forEach(code -> counts.add(new CountryCount(code, code, code, 0, true, false)));
		return counts;
	}

	/**
	 * Counts of a filter by country and status only are read from {@code fugitive_facet_count}
	 * (a few rows, see V4); a filter with text or an operation counts its matching people, which
	 * the trigram or wanted-list index finds ({@link #matching}).
	 */
	static boolean countsFromSummary(Scope scope) {
		return scope.filter().q() == null && scope.wantedLists() == null;
	}

	/** How many people a filter by country and status finds, from the summary. */
	Query countQuery(Scope scope) {
		Query where = summaryWhere(scope.filter(), Dimension.NONE);
		return new Query("SELECT coalesce(sum(k.fugitives), 0) FROM fugitive_facet_count k" + where.sql(),
				where.params());
	}

	/** Counts per status from the summary ({@link #countsFromSummary}). */
	Query statusFacetQuery(Scope scope) {
		Query where = summaryWhere(scope.filter(), Dimension.STATUS);
		return new Query("SELECT k.status, sum(k.fugitives) AS hits FROM fugitive_facet_count k" + where.sql()
				+ " GROUP BY k.status", where.params());
	}

	/**
	 * Counts per country ({@link #countsFromSummary}), for every country of the table. They depend
	 * on the status filter only, so the per-status country tallies (V22) answer them without
	 * unnesting every set of destinations of the summary.
	 */
	Query countryFacetQuery(Scope scope) {
		Query where = summaryWhere(scope.filter(), Dimension.COUNTRY);
		return new Query("""
				SELECT c.code, c.name_en, c.name_zh, coalesce(n.hits, 0) AS hits
				FROM country c LEFT JOIN (SELECT k.country_code, sum(k.fugitives) AS hits
				                          FROM fugitive_country_tally k%s
				                          GROUP BY k.country_code) n ON n.country_code = c.code
				ORDER BY c.code""".formatted(where.sql()), where.params());
	}

	/**
	 * " WHERE ..." over {@code fugitive_facet_count k}, leaving out one dimension (or none); with
	 * the country left out, over the country tallies as {@code k} too (the status is all it tests).
	 */
	private static Query summaryWhere(FugitiveFilter filter, Dimension excluded) {
		List<String> conditions = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (excluded.keeps(Dimension.COUNTRY) && !filter.countries().isEmpty()) {
			conditions.add("k.destinations && CAST(ARRAY[:countries] AS TEXT[])");
			params.addValue("countries", List.copyOf(filter.countries()));
		}
		if (excluded.keeps(Dimension.STATUS) && !filter.statuses().isEmpty()) {
			conditions.add("k.status IN (:statuses)");
			params.addValue("statuses", List.copyOf(filter.statusNames()));
		}
		return new Query(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
	}

	private enum Dimension {

		NONE, COUNTRY, STATUS, BOTH;

		boolean keeps(Dimension dimension) {
			return this != dimension && this != BOTH;
		}

	}

	/** A SQL fragment or statement with its named parameters. */
	record Query(String sql, MapSqlParameterSource params) {

	}

	/** " WHERE ..." over {@code fugitive f} for the filter, leaving out one dimension (or none). */
	private static Query where(Scope scope, Dimension excluded) {
		FugitiveFilter filter = scope.filter();
		List<String> conditions = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (excluded.keeps(Dimension.COUNTRY) && !filter.countries().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM fugitive_destination fd"
					+ " WHERE fd.fugitive_id = f.id AND fd.country_code IN (:countries))");
			params.addValue("countries", List.copyOf(filter.countries()));
		}
		if (excluded.keeps(Dimension.STATUS) && !filter.statuses().isEmpty()) {
			conditions.add("f.status IN (:statuses)");
			params.addValue("statuses", List.copyOf(filter.statusNames()));
		}
		List<String> terms = filter.terms();
		for (int i = 0; i < terms.size(); i++) {
			String term = terms.get(i);
			if (hasChineseCharacters(term)) {
				// Two Chinese characters make no trigram: their own index finds the candidates (V19)
				// and strpos tests the whole term, normalised like the stored text. Not a LIKE: under
				// a prepared statement's generic plan PostgreSQL cannot see that the term makes no
				// trigram, ANDed the trigram index too, and read all of it (60-160 ms at 100 000).
				conditions.add("han_grams(f.search_text) @> han_grams(search_normalise(:han" + i + "))");
				conditions.add("strpos(f.search_text, search_normalise(:han" + i + ")) > 0");
				params.addValue("han" + i, term);
			}
			else {
				// Normalised by the same SQL function as the stored text; LIKE wildcards in the
				// term are escaped so that "%" or "_" match themselves.
				conditions.add("f.search_text LIKE '%' || search_normalise(:term" + i + ") || '%'");
				params.addValue("term" + i, escapeLike(term));
			}
		}
		if (scope.wantedLists() != null) {
			if (scope.wantedLists().isEmpty()) {
				conditions.add("FALSE"); // an operation without a wanted list has no members
			}
			else {
				conditions.add("EXISTS (SELECT 1 FROM list_membership lm"
						+ " WHERE lm.fugitive_id = f.id AND lm.wanted_list_id IN (:wantedLists))");
				params.addValue("wantedLists", scope.wantedLists());
			}
		}
		return new Query(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
	}

	/** Whether the term has a character of the ranges {@code han_grams} (V19) indexes. */
	static boolean hasChineseCharacters(String term) {
		return term.codePoints().anyMatch(c -> (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF));
	}

	static String escapeLike(String term) {
		return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static RowMapper<FugitiveRow> rowMapper(LocalDate today) {
		return (rs, rowNum) -> {
			PartialDate fled = partialDate(rs, "fled_date", "fled_precision");
			FugitiveStatus status = FugitiveStatus.valueOf(rs.getString("status"));
			PartialDate returned = partialDate(rs, "returned_date", "returned_precision");
			Integer years = null;
			if (fled != null && (status != FugitiveStatus.RETURNED || returned != null)) {
				years = PartialDate.yearsBetween(fled, returned != null ? returned : PartialDate.ofDay(today));
			}
			long photoId = rs.getLong("photo_id");
			FugitiveRow.Thumbnail thumbnail = rs.wasNull() ? null
					: new FugitiveRow.Thumbnail(photoId, rs.getInt("thumbnail_width"), rs.getInt("thumbnail_height"));
			return new FugitiveRow(rs.getLong("id"), rs.getString("name"), rs.getString("native_name"), status,
					strings(rs.getArray("destinations")), rs.getString("former_position"),
					rs.getString("former_position_zh"), rs.getString("former_organisation"), fled, years, thumbnail);
		};
	}

	private static PartialDate partialDate(ResultSet rs, String dateColumn, String precisionColumn)
			throws SQLException {
		LocalDate date = rs.getObject(dateColumn, LocalDate.class);
		String precision = rs.getString(precisionColumn);
		return date == null || precision == null ? null : new PartialDate(date, DatePrecision.valueOf(precision));
	}

	private static List<Long> longs(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		try {
			return Arrays.stream((Long[]) array.getArray()).toList();
		}
		finally {
			array.free();
		}
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

}
