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
 * of a filter by country and status come from the {@code fugitive_facet_count} summary so they cost
 * the same for any number of people, and the CSV is one query read through a cursor so memory does
 * not grow with the result.
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
		List<FugitiveRow> rows = rows(scope);
		FugitiveFacets facets = new FugitiveFacets(countryFacet(scope), statusFacet(scope));
		return new FugitiveSearchPage(filter, rows, facets, operations);
	}

	/** A page of rows and the total, for the API. */
	@Transactional(readOnly = true)
	public RowPage list(FugitiveFilter filter) {
		Scope scope = resolve(filter);
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
	 * found as ids first ({@link #pageIds}), then only its rows are read.
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
		// A page's rows show the primary photo's thumbnail (the photo module's table, at most one row
		// per person by its unique index); the CSV has no use for it.
		String thumbnail = paged ? "ph.id AS photo_id, ph.thumbnail_width, ph.thumbnail_height"
				: "NULL AS photo_id, NULL AS thumbnail_width, NULL AS thumbnail_height";
		String photoJoin = paged ? "\nLEFT JOIN fugitive_photo ph ON ph.fugitive_id = p.id AND ph.is_primary" : "";
		String sql = """
				SELECT p.id, p.name, p.native_name, p.status, p.former_position, p.former_position_zh,
				       p.former_organisation, p.fled_date, p.fled_precision, p.destinations,
				       r.occurred_date AS returned_date, r.occurred_precision AS returned_precision, %s
				FROM (SELECT f.id, f.name, f.native_name, f.status, f.former_position, f.former_position_zh,
				             f.former_organisation, f.fled_date, f.fled_precision, f.destinations
				      FROM fugitive f%s
				      ORDER BY %s) p
				LEFT JOIN LATERAL (SELECT e.occurred_date, e.occurred_precision FROM event e
				                   WHERE p.status = '%s' AND e.fugitive_id = p.id AND e.type IN (:returnTypes)
				                     AND e.occurred_date IS NOT NULL
				                   ORDER BY e.occurred_date DESC, e.id DESC LIMIT 1) r ON TRUE%s
				ORDER BY %s""".formatted(thumbnail, chosen, filter.sort().orderBy("f"), RETURNED, photoJoin,
				filter.sort().orderBy("p"));
		return new Query(sql, params);
	}

	/**
	 * The ids of the page. Selecting only the id and the sort keys lets PostgreSQL skip the first
	 * {@code offset} rows inside an index (index-only scan on (name, id), (status, name, id) or
	 * the fled-date indexes) instead of reading each skipped row, which made a deep page cost as
	 * much as every row before it.
	 *
	 * <p>
	 * With a text term, the matches are collected from the trigram index first and then sorted
	 * ({@code OFFSET 0} keeps the planner from merging the two): walking the name index and testing
	 * each row costs the position of the last match in name order, so a common surname late in the
	 * alphabet ("zhang") read most of the table for its first page, where sorting reads only its
	 * matches.
	 */
	private static String pageIds(FugitiveFilter filter, String where) {
		if (filter.terms().isEmpty()) {
			return "SELECT f.id FROM fugitive f" + where + " ORDER BY " + filter.sort().orderBy("f")
					+ " LIMIT :limit OFFSET :offset";
		}
		return "SELECT m.id FROM (SELECT f.id, f.name, f.status, f.fled_date FROM fugitive f" + where
				+ " OFFSET 0) m ORDER BY " + filter.sort().orderBy("m") + " LIMIT :limit OFFSET :offset";
	}

	/** Counts per status under every filter except the status filter. */
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
	 * does not hold. Without other filters the count reads only the (country_code, fugitive_id)
	 * index.
	 */
	List<CountryCount> countryFacet(Scope scope) {
		FugitiveFilter filter = scope.filter();
		Query query = countryFacetQuery(scope);
		List<CountryCount> counts = new ArrayList<>(jdbc.query(query.sql(), query.params(),
				(rs, i) -> new CountryCount(rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh"),
						rs.getLong("hits"), filter.countries().contains(rs.getString("code")), true)));
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
	 * the trigram or wanted-list index finds.
	 */
	static boolean countsFromSummary(Scope scope) {
		return scope.filter().q() == null && scope.wantedLists() == null;
	}

	Query countQuery(Scope scope) {
		if (countsFromSummary(scope)) {
			Query where = summaryWhere(scope.filter(), Dimension.NONE);
			return new Query("SELECT coalesce(sum(k.fugitives), 0) FROM fugitive_facet_count k" + where.sql(),
					where.params());
		}
		Query where = where(scope, Dimension.NONE);
		return new Query("SELECT count(*) FROM fugitive f" + where.sql(), where.params());
	}

	Query statusFacetQuery(Scope scope) {
		if (countsFromSummary(scope)) {
			Query where = summaryWhere(scope.filter(), Dimension.STATUS);
			return new Query("SELECT k.status, sum(k.fugitives) AS hits FROM fugitive_facet_count k" + where.sql()
					+ " GROUP BY k.status", where.params());
		}
		Query where = where(scope, Dimension.STATUS);
		return new Query("SELECT f.status, count(*) AS hits FROM fugitive f" + where.sql() + " GROUP BY f.status",
				where.params());
	}

	Query countryFacetQuery(Scope scope) {
		Query where;
		String counted;
		if (countsFromSummary(scope)) {
			where = summaryWhere(scope.filter(), Dimension.COUNTRY);
			counted = "SELECT d.country_code, sum(k.fugitives) AS hits FROM fugitive_facet_count k"
					+ " CROSS JOIN LATERAL unnest(k.destinations) AS d(country_code)" + where.sql()
					+ " GROUP BY d.country_code";
		}
		else {
			// From each matching person's destinations array: no join with every destination row.
			where = where(scope, Dimension.COUNTRY);
			counted = "SELECT d.country_code, count(*) AS hits FROM fugitive f"
					+ " CROSS JOIN LATERAL unnest(f.destinations) AS d(country_code)" + where.sql()
					+ " GROUP BY d.country_code";
		}
		return new Query("""
				SELECT c.code, c.name_en, c.name_zh, coalesce(n.hits, 0) AS hits
				FROM country c LEFT JOIN (%s) n ON n.country_code = c.code
				ORDER BY c.code""".formatted(counted), where.params());
	}

	/** " WHERE ..." over {@code fugitive_facet_count k}, leaving out one dimension (or none). */
	private static Query summaryWhere(FugitiveFilter filter, Dimension excluded) {
		List<String> conditions = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (excluded != Dimension.COUNTRY && !filter.countries().isEmpty()) {
			conditions.add("k.destinations && CAST(ARRAY[:countries] AS TEXT[])");
			params.addValue("countries", List.copyOf(filter.countries()));
		}
		if (excluded != Dimension.STATUS && !filter.statuses().isEmpty()) {
			conditions.add("k.status IN (:statuses)");
			params.addValue("statuses", List.copyOf(filter.statusNames()));
		}
		return new Query(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
	}

	private enum Dimension {

		NONE, COUNTRY, STATUS

	}

	/** A SQL fragment or statement with its named parameters. */
	record Query(String sql, MapSqlParameterSource params) {

	}

	/** " WHERE ..." over {@code fugitive f} for the filter, leaving out one dimension (or none). */
	private static Query where(Scope scope, Dimension excluded) {
		FugitiveFilter filter = scope.filter();
		List<String> conditions = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (excluded != Dimension.COUNTRY && !filter.countries().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM fugitive_destination fd"
					+ " WHERE fd.fugitive_id = f.id AND fd.country_code IN (:countries))");
			params.addValue("countries", List.copyOf(filter.countries()));
		}
		if (excluded != Dimension.STATUS && !filter.statuses().isEmpty()) {
			conditions.add("f.status IN (:statuses)");
			params.addValue("statuses", List.copyOf(filter.statusNames()));
		}
		List<String> terms = filter.terms();
		for (int i = 0; i < terms.size(); i++) {
			// Normalised by the same SQL function as the stored text; LIKE wildcards in the
			// term are escaped so that "%" or "_" match themselves.
			conditions.add("f.search_text LIKE '%' || search_normalise(:term" + i + ") || '%'");
			params.addValue("term" + i, escapeLike(terms.get(i)));
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
