package org.fugitivetracker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rows tests create in the shared database, and the one rule that removes them.
 *
 * <p><b>The rule:</b> a TestRecords notes, when it opens, where the database ends (the newest id
 * of every table with generated ids, the keys of the small keyed tables, the time), and
 * {@link #close()} deletes every row added since, rows that reference others first: whether the
 * test inserted it here or the application stored it for a request the test sent (a form, the
 * API, a login with its session and throttle rows, the audit trail of it all).
 * {@link IntegrationTest} opens one before every test and closes it after
 * ({@link TestRecordsExtension}; one more around each class, for what {@code @BeforeAll} methods
 * create), and sets it into the test's {@code TestRecords} field or parameter. So no test deletes
 * its own rows, and no test runs in a rolled-back transaction: a test sees its rows as the
 * application's other connections do. A test that changes a row that was there before it (the
 * seed) puts it back itself.
 *
 * <p><b>The builder:</b> each method inserts one row and returns its id (or this, to chain).
 * Names start with "Test "; people, cases and transfers are marked synthetic unless said
 * otherwise. Dates are ISO partial dates ("2015", "2015-04", "2015-12-05") or null.
 *
 * <pre>
 * TestRecords records; // set before each test
 *
 * &#64;Test
 * void aPage() {
 *     long person = records.fugitive("Test Person", "AT_LARGE");
 *     records.destination(person, "US").alias(person, "Test Alias");
 *     ...
 * }
 * </pre>
 *
 * Bulk set-up (thousands of rows) goes through {@link #withoutTimeLimits()}: the application's
 * pool gives up on a statement after seconds, and a connection it breaks mid-statement can leave
 * locks behind for the tests that follow.
 */
public final class TestRecords implements AutoCloseable {

	/**
	 * Tables with generated ids that tests and the application write, in the order their new rows
	 * are deleted: a row before the rows it references (where the reference does not cascade).
	 */
	private static final List<String> BY_ID = List.of("import_upload", "fugitive_photo", "external_identifier",
			"list_membership", "citation", "event", "reported_figure", "asset_transfer", "cooperation_step",
			"wanted_list", "case_file", "fugitive", "operation", "source", "user_account");

	/** The audit trail's revisions, deleted last with every {@code *_aud} row of theirs. */
	private static final String REVISIONS = "audit_revision";

	/** Small tables keyed by values, not generated ids, in deletion order. */
	private static final List<Keyed> BY_KEY = List.of(new Keyed("country", "code"),
			new Keyed("login_throttle", "kind || ':' || throttle_key"),
			new Keyed("login_known_address", "username || ' ' || address"));

	/** A table and the expression of a row's key. */
	private record Keyed(String table, String key) {
	}

	/** After a clean-up of this many rows the planner's statistics are refreshed. */
	private static final int BULK = 1000;

	/** The title of {@link #citableSource()}. */
	public static final String CITABLE_SOURCE_TITLE = "Test source cited by the tests";

	/** A 4 × 3 PNG, the image of every {@link #photo}. */
	public static final byte[] TINY_PNG = png(4, 3);

	private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final JdbcTemplate jdbc;

	private final Mark start;

	private SingleConnectionDataSource unlimited;

	private Long citableSource;

	public TestRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.start = mark();
	}

	public long source(String title) {
		return insert("insert into source (title, publisher, published_date, published_precision, synthetic) "
				+ "values (?, 'Test publisher', date '2020-01-01', 'DAY', true) returning id", title);
	}

	/** A source as an admin adds one (not synthetic, so the forms offer it to cite); one per TestRecords. */
	public long citableSource() {
		if (citableSource == null) {
			citableSource = insert("insert into source (title, publisher, url) values (?, 'Test publisher', "
					+ "'https://example.org/test-source') returning id", CITABLE_SOURCE_TITLE);
		}
		return citableSource;
	}

	public long fugitive(String name, String status) {
		return insert("insert into fugitive (name, status, synthetic) values (?, ?, true) returning id", name, status);
	}

	/** A person described field by field: {@code records.person("Test Name", "AT_LARGE").aliases("Test Alias")}. */
	public Person person(String name, String status) {
		return new Person(fugitive(name, status));
	}

	/** A fugitive being described; each method stores one field and returns the same person. */
	public final class Person {

		private final long id;

		private Person(long id) {
			this.id = id;
		}

		public long id() {
			return id;
		}

		public Person nativeName(String nativeName) {
			TestRecords.this.nativeName(id, nativeName);
			return this;
		}

		public Person position(String position) {
			TestRecords.this.position(id, position);
			return this;
		}

		/** A partial date: "2001", "2001-03", "2001-03-15". */
		public Person fled(String date) {
			TestRecords.this.fled(id, date);
			return this;
		}

		public Person destinations(String... countries) {
			TestRecords.this.destinations(id, countries);
			return this;
		}

		public Person aliases(String... aliases) {
			for (String alias : aliases) {
				alias(id, alias);
			}
			return this;
		}

	}

	public TestRecords nativeName(long fugitiveId, String nativeName) {
		jdbc.update("update fugitive set native_name = ? where id = ?", nativeName, fugitiveId);
		return this;
	}

	public TestRecords position(long fugitiveId, String position) {
		jdbc.update("update fugitive set former_position = ? where id = ?", position, fugitiveId);
		return this;
	}

	public TestRecords fled(long fugitiveId, String date) {
		String[] partial = partial(date);
		jdbc.update("update fugitive set fled_date = cast(? as date), fled_precision = ? where id = ?", partial[0],
				partial[1], fugitiveId);
		return this;
	}

	public TestRecords destination(long fugitiveId, String country) {
		jdbc.update("insert into fugitive_destination (fugitive_id, country_code) values (?, ?)", fugitiveId, country);
		return this;
	}

	public TestRecords destinations(long fugitiveId, String... countries) {
		for (String country : countries) {
			destination(fugitiveId, country);
		}
		return this;
	}

	public TestRecords offence(long fugitiveId, String offence) {
		jdbc.update("insert into fugitive_offence (fugitive_id, offence) values (?, ?)", fugitiveId, offence);
		return this;
	}

	public TestRecords alias(long fugitiveId, String alias) {
		jdbc.update("insert into fugitive_alias (fugitive_id, alias) values (?, ?)", fugitiveId, alias);
		return this;
	}

	/** An Interpol red notice of that number, cited to {@link #citableSource()}. */
	public TestRecords identifier(long fugitiveId, String value) {
		return identifier(fugitiveId, "INTERPOL_RED_NOTICE", value, null);
	}

	/** An identifier of any scheme ("PASSPORT", "NATIONAL_ID" …), cited to {@link #citableSource()}. */
	public TestRecords identifier(long fugitiveId, String scheme, String value, String issuingCountry) {
		jdbc.update("insert into external_identifier (fugitive_id, scheme, value, issuing_country, source_id) "
				+ "values (?, ?, ?, ?, ?)", fugitiveId, scheme, value, issuingCountry, citableSource());
		return this;
	}

	public long operation(String codeName, Integer target) {
		return insert("insert into operation (code_name, started_date, started_precision, planned_duration_months, "
				+ "target_count) values (?, date '2020-01-01', 'MONTH', 6, ?) returning id", codeName, target);
	}

	public long wantedList(String name, long operationId) {
		return insert("insert into wanted_list (name, operation_id) values (?, ?) returning id", name, operationId);
	}

	/** A place on a wanted list, cited to {@link #citableSource()}. */
	public TestRecords membership(long fugitiveId, long wantedListId, Integer rank) {
		jdbc.update("insert into list_membership (fugitive_id, wanted_list_id, rank, source_id) values (?, ?, ?, ?)",
				fugitiveId, wantedListId, rank, citableSource());
		return this;
	}

	public long caseFile(String title, String counterpartCountry) {
		return insert("insert into case_file (title, status, counterpart_country, synthetic) "
				+ "values (?, 'OPEN', ?, true) returning id", title, counterpartCountry);
	}

	public TestRecords participant(long caseId, long fugitiveId) {
		jdbc.update("insert into case_participant (case_id, fugitive_id, role) values (?, ?, 'ACCOMPLICE')", caseId,
				fugitiveId);
		return this;
	}

	public TestRecords agency(long caseId, long agencyId) {
		jdbc.update("insert into case_agency (case_id, agency_id) values (?, ?)", caseId, agencyId);
		return this;
	}

	public long step(long caseId, int position, Long requestedByAgencyId) {
		return insert("insert into cooperation_step (case_id, position, kind, requested_by_agency_id, description) "
				+ "values (?, ?, 'NEGOTIATION', ?, 'Test step') returning id", caseId, position, requestedByAgencyId);
	}

	/** An event about a person, a case or an operation (at least one), from or in a country. */
	public long event(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId) {
		return event(type, date, country, fugitiveId, caseId, operationId, true);
	}

	/** An event as an admin records it: sourced, not synthetic (reconciliation counts only these). */
	public long sourcedEvent(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId) {
		return event(type, date, country, fugitiveId, caseId, operationId, false);
	}

	/** An event of a person as an admin records it, cited like every event about a person ({@link #citableSource}). */
	public long citedEvent(long fugitiveId, String type, String date) {
		long id = sourcedEvent(type, date, null, fugitiveId, null, null);
		citation(citableSource(), "event_id", id, "occurred", "Test claim", "Test quote");
		return id;
	}

	private long event(String type, String date, String country, Long fugitiveId, Long caseId, Long operationId,
			boolean synthetic) {
		String[] partial = partial(date);
		return insert("insert into event (type, occurred_date, occurred_precision, country_code, fugitive_id, case_id, "
				+ "operation_id, description, synthetic) values (?, cast(? as date), ?, ?, ?, ?, ?, 'Test event', ?) "
				+ "returning id", type, partial[0], partial[1], country, fugitiveId, caseId, operationId, synthetic);
	}

	/** A transfer of cash (one channel; {@link #channel} adds more). */
	public long transfer(Long fugitiveId, Long caseId, String amount) {
		long id = insert("insert into asset_transfer (amount, currency, qualifier, amount_as_reported, fugitive_id, case_id, "
				+ "synthetic) values (cast(? as numeric), 'CNY', 'ABOUT', 'Test amount', ?, ?, true) returning id", amount,
				fugitiveId, caseId);
		return channel(id, "CASH");
	}

	private long channel(long transferId, String channel) {
		jdbc.update("insert into asset_transfer_channel (asset_transfer_id, channel) values (?, ?)", transferId,
				channel);
		return transferId;
	}

	/** One more channel of a transfer, e.g. "UNDERGROUND_BANK". */
	public TestRecords transferChannel(long transferId, String channel) {
		channel(transferId, channel);
		return this;
	}

	/**
	 * A photo of a person as an admin stores one: its citation of the source, a 4 × 3 PNG and its
	 * thumbnail (the same image), primary when {@code primary}.
	 */
	public long photo(long fugitiveId, long sourceId, boolean primary) {
		long citation = citation(sourceId, "fugitive_id", fugitiveId, "photo", "Test photo", "Test caption");
		String sha256 = sha256(TINY_PNG);
		long id = insert("insert into fugitive_photo (fugitive_id, citation_id, uploaded_type, uploaded_bytes, "
				+ "content_type, width, height, image_sha256, thumbnail_width, thumbnail_height, thumbnail_sha256, "
				+ "is_primary) values (?, ?, 'image/png', ?, 'image/png', 4, 3, ?, 4, 3, ?, ?) returning id",
				fugitiveId, citation, TINY_PNG.length, sha256, sha256, primary);
		jdbc.update("insert into fugitive_photo_file (photo_id, image, thumbnail) values (?, ?, ?)", id, TINY_PNG,
				TINY_PNG);
		return id;
	}

	private static byte[] png(int width, int height) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A figure of persons; from/to are partial dates or null; countries may be empty. */
	public long figure(String metric, long value, String from, String to, Long operationId, Long caseId,
			String... countries) {
		String[] start = partial(from);
		String[] end = partial(to);
		long id = insert("insert into reported_figure (metric, value, qualifier, unit, period_from_date, "
				+ "period_from_precision, period_to_date, period_to_precision, operation_id, case_id) "
				+ "values (?, ?, 'EXACT', 'PERSONS', cast(? as date), ?, cast(? as date), ?, ?, ?) returning id", metric,
				value, start[0], start[1], end[0], end[1], operationId, caseId);
		for (String country : countries) {
			jdbc.update("insert into reported_figure_country (reported_figure_id, country_code) values (?, ?)", id, country);
		}
		return id;
	}

	/** A citation of one subject; {@code subjectColumn} is e.g. "fugitive_id", "event_id", "country_code". */
	public long citation(long sourceId, String subjectColumn, Object subjectId, String attribute, String claim,
			String quote) {
		return insert("insert into citation (source_id, attribute, claim, quote, " + subjectColumn
				+ ") values (?, ?, ?, ?, ?) returning id", sourceId, attribute, claim, quote, subjectId);
	}

	/** A country the reference table lacks (use a user-assigned ISO code such as "XA"). */
	public TestRecords country(String code, String nameEn, String nameZh) {
		jdbc.update("insert into country (code, name_en, name_zh) values (?, ?, ?)", code, nameEn, nameZh);
		return this;
	}

	/** An investigator's account named after the prefix, with the password {@link TestLogin#password} gives it. */
	public TestLogin.Account account(String prefix) {
		return account(prefix, "INVESTIGATOR");
	}

	public TestLogin.Account account(String prefix, String role) {
		String username = TestLogin.name(prefix);
		String password = TestLogin.password(username);
		jdbc.update("insert into user_account (username, password_hash, role) values (?, ?, ?)", username,
				PASSWORDS.encode(password), role);
		return new TestLogin.Account(username, password, role);
	}

	/**
	 * A connection to the same database without the application's time limits (no statement or
	 * socket timeout), for bulk set-up; the clean-up runs on it too.
	 */
	public JdbcTemplate withoutTimeLimits() {
		if (unlimited == null) {
			AppInstance.Database database = AppInstance.Database.of(Objects.requireNonNull(jdbc.getDataSource()));
			unlimited = new SingleConnectionDataSource(database.url(), database.username(),
					Objects.requireNonNullElse(database.password(), ""), true);
			Properties limits = new Properties();
			// a row some test left locked fails the clean-up within a minute instead of hanging the run
			limits.setProperty("options", "-c statement_timeout=0 -c lock_timeout=60s");
			limits.setProperty("socketTimeout", "0");
			unlimited.setConnectionProperties(limits);
		}
		return new JdbcTemplate(unlimited);
	}

	/** Deletes every row added to the database since this TestRecords opened (see the class comment). */
	@Override
	public void close() {
		try {
			if (!mark().sameRowsAs(start) || sessionsSince(start.millis)) {
				removeEverythingSince(start, withoutTimeLimits());
			}
		}
		finally {
			if (unlimited != null) {
				unlimited.destroy();
				unlimited = null;
			}
		}
	}

	private static void removeEverythingSince(Mark start, JdbcTemplate jdbc) {
		int removed = 0;
		long newestRevision = start.newestIds.get(REVISIONS);
		for (String table : BY_ID) {
			removed += jdbc.update("delete from " + table + " where id > ?", start.newestIds.get(table));
		}
		for (Keyed keyed : BY_KEY) {
			removed += jdbc.update("delete from " + keyed.table() + " where not (" + keyed.key() + " = any (?))",
					(Object) start.keys.get(keyed.table()).toArray(String[]::new));
		}
		removed += jdbc.update("delete from spring_session where creation_time >= ?", start.millis);
		for (String audited : jdbc.queryForList("select table_name from information_schema.columns where column_name = "
				+ "'rev' and table_schema = current_schema() and table_name like '%\\_aud'", String.class)) {
			removed += jdbc.update("delete from " + audited + " where rev > ?", newestRevision);
		}
		jdbc.update("delete from audit_revision_entity where revision_id > ?", newestRevision);
		removed += jdbc.update("delete from " + REVISIONS + " where id > ?", newestRevision);
		if (removed >= BULK) {
			// the planner's statistics should describe the rows that remain, for the tests that follow
			jdbc.execute("ANALYZE");
		}
	}

	/** Where the database ends: the newest id of each table, the keys of the keyed ones, and the time. */
	private record Mark(Map<String, Long> newestIds, Map<String, List<String>> keys, long millis) {

		boolean sameRowsAs(Mark other) {
			return newestIds.equals(other.newestIds) && keys.equals(other.keys);
		}

	}

	private Mark mark() {
		long millis = System.currentTimeMillis();
		Map<String, Long> newestIds = new LinkedHashMap<>();
		jdbc.queryForMap(Stream.concat(BY_ID.stream(), Stream.of(REVISIONS))
			.map(table -> "(select coalesce(max(id), 0) from " + table + ") as " + table)
			.collect(Collectors.joining(", ", "select ", "")))
			.forEach((table, id) -> newestIds.put(table, ((Number) id).longValue()));
		Map<String, List<String>> keys = new LinkedHashMap<>();
		for (Keyed keyed : BY_KEY) {
			keys.put(keyed.table(),
					jdbc.queryForList("select " + keyed.key() + " from " + keyed.table() + " order by 1", String.class));
		}
		return new Mark(newestIds, keys, millis);
	}

	private boolean sessionsSince(long millis) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from spring_session where creation_time >= ?)", Boolean.class, millis));
	}

	private long insert(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	/** {date, precision} for "2015", "2015-04" or "2015-12-05"; {null, null} for null. */
	private static String[] partial(String date) {
		if (date == null) {
			return new String[] { null, null };
		}
		return switch (date.length()) {
			case 4 -> new String[] { date + "-01-01", "YEAR" };
			case 7 -> new String[] { date + "-01", "MONTH" };
			default -> new String[] { LocalDate.parse(date).toString(), "DAY" };
		};
	}

}
