package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import net.jqwik.api.sessions.JqwikSession;

import org.fugitivetracker.HttpBrowser;
import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.fugitivetracker.common.PlainText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input: at least {@value #DEFAULT_INPUTS} generated values (jqwik generators, seeded, see
 * {@link HostileValues}) sent into every query parameter, path id, form field and JSON body the
 * application maps (a test fails when a mapped field is not fuzzed; a photo upload's file too: hostile
 * names, types and contents), mostly one field at a time
 * with the others valid, so that writes carrying payloads are accepted and stored too; then a
 * few hundred raw requests over real HTTP carry what MockMvc cannot: percent-encoded invalid
 * UTF-8 in query strings and paths, and invalid bytes in form and JSON bodies.
 * <p>
 * Asserted: no 5xx, ever; no HTML page shows a payload unescaped or evaluates a template
 * expression; no stack trace or exception name on a page; the API answers JSON; afterwards no
 * stored row breaks the application's own rules (plain text, form lengths, trimmed, cited),
 * tables grew by exactly the writes that were accepted, the pages of every record written show
 * the payloads escaped, and the seeded records are unchanged.
 * <p>
 * Writes go only to throwaway records (or records created here), everything written is removed
 * afterwards like every test's rows ({@link TestRecords}: audit trail, sessions and login-throttle
 * rows included), and login failures come from addresses of their own.
 * {@code -Dhostile.seed=...} repeats a run, {@code -Dhostile.inputs=...} changes its size.
 */
@IntegrationTest
@SlowTest
class HostileInputTest {

	/** Reads the FtM export's lines, each a JSON object. */
	private static final JsonMapper JSON_LINES = JsonMapper.builder().build();

	static final int DEFAULT_INPUTS = 10_000;

	private static final long SEED = Long.getLong("hostile.seed", 20_151_205L);

	private static final int INPUTS = Integer.getInteger("hostile.inputs", DEFAULT_INPUTS);

	/** Each field is first fuzzed alone this many times. */
	private static final int MIN_PER_FIELD = 5;

	private static final Set<String> BOOTSTRAP_ACCOUNTS = Set.of("investigator", "analyst", "admin");

	/** Stack traces and exception names must never reach a page. */
	private static final Pattern LEAK = Pattern.compile(
			"\\tat [a-z]+\\.|(java|jakarta|org\\.springframework|org\\.hibernate|org\\.postgresql|tools\\.jackson)\\.[\\w.]*(Exception|Error)\\b|Apache Tomcat/\\d");

	private static final Pattern CREATED_ID = Pattern.compile("^\\{\"id\":(\\d+)");

	private static final Pattern LOCATION_ID = Pattern.compile("^/(fugitives|sources|cases)/(\\d+)$");

	private static final Pattern TOKEN = Pattern.compile("xss\\d+");

	/** A CSV file whose one row is refused (no name). */
	static final byte[] REFUSED_ROWS = "name,fled\n,2001\n".getBytes(StandardCharsets.UTF_8);

	enum Kind {

		QUERY, FORM, JSON, MULTIPART

	}

	enum Caller {

		ANONYMOUS, ADMIN, SELF

	}

	/** A field of a request; {@code reference} names a record (never fuzzed with an existing small id). */
	record Field(String name, boolean multi, boolean reference) {
	}

	/** A value already written as JSON. */
	record Json(String json) {
	}

	/** A file part of a multipart form: its name and type as the client gives them, and its bytes. */
	record Upload(String filename, String contentType, byte[] bytes) {
	}

	/** A 12 × 8 PNG: the valid photo of an upload whose other fields are hostile. */
	private static final byte[] PHOTO = png(12, 8);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	UserAccountRepository userAccounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	private HostileValues hostile;

	private Random random;

	private Pool pool;

	private UserDetails admin;

	private UserDetails self;

	/** How many hostile values each "METHOD pattern field" received. */
	private final Map<String, Integer> fuzzed = new TreeMap<>();

	private final Map<String, Integer> statuses = new TreeMap<>();

	private final List<String> failures = new ArrayList<>();

	private final Map<String, Integer> failureKinds = new TreeMap<>();

	/** Rows each table gained through accepted writes (events: minus accepted deletions). */
	private final Map<String, Integer> acceptedRows = new TreeMap<>();

	/** Pages of written records, and the tokens each must show (escaped) because a create stored them there. */
	private final Map<String, Set<String>> writtenPages = new LinkedHashMap<>();

	private final Set<Long> sourcesCreatedDirectly = new TreeSet<>();

	private int requests;

	private int inputs;

	private int serverErrors;

	private int httpRequests;

	private int pagesChecked;

	private int payloadsShown;

	@Test
	void hostileInputNeverCausesA5xxAnUnescapedPayloadOrAnInvalidRow(TestRecords records) throws Exception {
		long started = System.currentTimeMillis();
		// jqwik's generators outside a jqwik property need a session of their own.
		JqwikSession.start();
		hostile = new HostileValues(SEED);
		random = hostile.random();
		admin = accounts.loadUserByUsername(TestLogin.ADMIN.username());
		Snapshot before = new Snapshot();
		Map<String, String> seedBefore = seedFingerprint(before);
		try {
			pool = new Pool(records);
			self = accounts.loadUserByUsername(pool.self);
			List<Target> targets = targets();
			assertEveryMappedInputIsATargetField(targets);

			// First every field of every target alone, a few times; then random mixes until enough inputs.
			for (Target target : targets) {
				List<String> fields = new ArrayList<>(target.fields.stream().map(Field::name).toList());
				if (target.id != null) {
					fields.add("{id}");
				}
				if (target.kind == Kind.JSON) {
					fields.add("(body)");
				}
				for (String field : fields) {
					for (int i = 0; i < MIN_PER_FIELD; i++) {
						send(target, field);
					}
				}
			}
			double totalWeight = targets.stream().mapToDouble(t -> t.weight).sum();
			while (inputs < INPUTS) {
				double pick = random.nextDouble() * totalWeight;
				Target target = targets.get(0);
				for (Target candidate : targets) {
					pick -= candidate.weight;
					if (pick <= 0) {
						target = candidate;
						break;
					}
				}
				send(target, null);
			}
			overRealHttp(targets);
			long fuzzing = System.currentTimeMillis() - started;
			checkWrittenPages();
			checkStoredRows(before);
			Map<String, String> seedAfter = seedFingerprint(before);
			seedBefore.forEach((table, fingerprint) -> {
				if (!fingerprint.equals(seedAfter.get(table))) {
					fail("seed-changed", "rows of " + table + " that existed before the run changed", Map.of());
				}
			});

			Set<String> mapped = expectedFields();
			Map<String, Integer> underFuzzed = new TreeMap<>();
			mapped.forEach(field -> {
				int count = fuzzed.getOrDefault(field, 0);
				if (count < MIN_PER_FIELD) {
					underFuzzed.put(field, count);
				}
			});
			System.out.println("HOSTILE INPUT: " + inputs + " inputs in " + requests + " requests (" + httpRequests
					+ " of them over real HTTP), " + serverErrors + " 5xx; " + mapped.size()
					+ " mapped inputs (path ids, parameters, form and JSON fields), each fuzzed at least " + MIN_PER_FIELD
					+ " times; "
					+ hostile.tokens() + " markup payloads, " + payloadsShown + " of them stored and shown escaped on "
					+ pagesChecked + " pages checked afterwards; statuses " + statuses + "; accepted writes " + acceptedRows
					+ "; seed " + SEED + "; " + fuzzing / 1000 + " s sending, "
					+ (System.currentTimeMillis() - started) / 1000 + " s in all");
			assertThat(failureKinds).as("failures by kind; first ones:\n" + String.join("\n", failures)).isEmpty();
			assertThat(underFuzzed).as("mapped fields that received fewer than " + MIN_PER_FIELD + " hostile values").isEmpty();
			assertThat(serverErrors).isZero();
			assertThat(inputs).isGreaterThanOrEqualTo(INPUTS);
		}
		finally {
			JqwikSession.finish();
		}
	}

	// ---------------------------------------------------------------- the requests

	private List<Target> targets() {
		List<Field> filter = fields("country*", "status*", "q", "operation", "sort", "page", "size");
		List<Field> fugitiveForm = fields("name", "nativeName", "sex", "birthYear", "formerPosition",
				"formerPositionZh", "formerOrganisation", "province", "provinceZh", "city", "cityZh", "fled",
				"destinationCountries*", "aliases", "offences",
				"sourceId!", "sourceTitle", "sourceUrl", "quote", "version");
		List<Field> newFugitiveForm = new ArrayList<>(fugitiveForm);
		newFugitiveForm.addAll(fields("confirmDuplicate"));
		List<Field> fugitiveJson = fields("name", "nativeName", "sex", "birthYear", "formerPosition",
				"formerPositionZh", "formerOrganisation", "province", "provinceZh", "city", "cityZh", "fled",
				"destinationCountries*", "aliases*", "offences*",
				"sourceId!", "sourceTitle", "sourceUrl", "quote", "version");
		List<Field> newFugitiveJson = new ArrayList<>(fugitiveJson);
		newFugitiveJson.addAll(fields("confirmDuplicate"));
		List<Field> event = fields("type", "date", "country", "description", "sourceId!", "sourceTitle", "sourceUrl",
				"quote", "version");
		List<Field> correction = fields("type", "date", "country", "description", "sourceId!", "sourceTitle",
				"sourceUrl", "quote", "reason", "version");
		List<Field> deletion = fields("reason", "version");
		List<Field> caseForm = fields("title", "titleZh", "status", "counterpartCountry", "description", "agencyIds*!",
				"sourceId!", "sourceTitle", "sourceUrl", "quote");
		List<Field> caseStatus = fields("status", "reason", "version");
		List<Field> participant = fields("fugitiveId!", "role", "version");
		List<Field> asset = fields("amount", "currency", "qualifier", "amountAsReported", "destinationCountry",
				"fugitiveId!", "caseId!", "description", "channels*", "sourceId!", "sourceTitle", "sourceUrl", "quote");
		List<Field> source = fields("title", "publisher", "url", "published");
		List<Field> photo = fields("file", "caption", "sourceId!", "sourceTitle", "sourceUrl", "quote");
		List<Field> photoId = fields("{photoId}!");
		List<Field> identifier = fields("scheme", "value", "issuingCountry", "sourceId!", "sourceTitle", "sourceUrl",
				"quote");
		List<Field> place = fields("wantedListId!", "rank", "added", "sourceId!", "sourceTitle", "sourceUrl", "quote");

		List<Target> targets = new ArrayList<>();
		// Query parameters.
		targets.add(new Target(HttpMethod.GET, "/fugitives", Kind.QUERY, filter));
		targets.add(new Target(HttpMethod.GET, "/fugitives.csv", Kind.QUERY, filter));
		targets.add(new Target(HttpMethod.GET, "/api/v1/export.ftm.json", Kind.QUERY, filter));
		targets.add(new Target(HttpMethod.GET, "/api/v1/fugitives", Kind.QUERY, filter));
		targets.add(new Target(HttpMethod.GET, "/api/v1/cases", Kind.QUERY, fields("page", "size")));
		targets.add(new Target(HttpMethod.GET, "/audit", Kind.QUERY, fields("user", "entity", "from", "to", "page")));
		// The baseline: a revision every database has.
		targets.add(new Target(HttpMethod.GET, "/audit/revisions/{id}", Kind.QUERY, fields("page")).id(() -> 1L)
			.weight(0.3));
		targets.add(new Target(HttpMethod.GET, "/fugitives/{id}/history", Kind.QUERY, fields("asOf")).id(pool::fugitive));
		targets.add(new Target(HttpMethod.GET, "/cases/{id}/history", Kind.QUERY, fields("asOf")).id(pool::caseFile));
		targets.add(new Target(HttpMethod.GET, "/login", Kind.QUERY, fields("locked", "wait")).as(Caller.ANONYMOUS));
		targets.add(new Target(HttpMethod.GET, "/admin", Kind.QUERY, fields("q")));
		targets.add(new Target(HttpMethod.GET, "/sources", Kind.QUERY, fields("page")));
		targets.add(new Target(HttpMethod.GET, "/cases", Kind.QUERY, fields("page")));
		targets.add(new Target(HttpMethod.GET, "/asset-transfers/new", Kind.QUERY, fields("fugitiveId", "caseId")));
		// Pages with an id only.
		for (String page : List.of("/fugitives/{id}", "/fugitives/{id}/edit", "/fugitives/{id}/manage",
				"/fugitives/{id}/events/new", "/fugitives/{id}/photos", "/api/v1/fugitives/{id}",
				"/fugitives/{id}/identifiers", "/fugitives/{id}/wanted-lists", "/api/v1/fugitives/{id}/identifiers")) {
			targets.add(new Target(HttpMethod.GET, page, Kind.QUERY, List.of()).id(pool::fugitive).weight(0.3));
		}
		for (String page : List.of("/cases/{id}", "/cases/{id}/manage", "/api/v1/cases/{id}")) {
			targets.add(new Target(HttpMethod.GET, page, Kind.QUERY, List.of()).id(pool::caseFile).weight(0.3));
		}
		targets.add(new Target(HttpMethod.GET, "/events/{id}/edit", Kind.QUERY, List.of()).id(pool::event).weight(0.3));
		// A photo's images: the second id names a photo of the person (or, hostile, anything at all).
		for (String image : List.of("/fugitives/{id}/photos/{photoId}", "/fugitives/{id}/photos/{photoId}/thumbnail")) {
			targets.add(new Target(HttpMethod.GET, image, Kind.QUERY, photoId).id(pool::fugitive)
				.baseline(id -> values("{photoId}", pool.photo(id)))
				.weight(0.3));
		}
		targets.add(new Target(HttpMethod.GET, "/api/v1/events/{id}", Kind.QUERY, List.of()).id(pool::event).weight(0.3));
		targets.add(new Target(HttpMethod.GET, "/operations/{id}", Kind.QUERY, List.of()).id(() -> pool.operation).weight(0.3));
		targets.add(new Target(HttpMethod.GET, "/sources/{id}", Kind.QUERY, List.of()).id(() -> pool.source).weight(0.3));
		targets.add(new Target(HttpMethod.GET, "/admin/users/{id}/password", Kind.QUERY, List.of())
			.id(() -> pool.resetUser)
			.weight(0.3));

		// Admin forms.
		// The throwaway people's names are alike: each is added as someone new (confirmDuplicate), unless
		// that is the field fuzzed.
		targets.add(new Target(HttpMethod.POST, "/fugitives", Kind.FORM, newFugitiveForm)
			.baseline(id -> values("name", "Test Hostile " + requests, "sourceId", pool.source, "quote", "Test quote",
					"confirmDuplicate", "true"))
			.creates("fugitive"));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/edit", Kind.FORM, fugitiveForm).id(pool::fugitive)
			.baseline(id -> values("name", "Test Hostile Edit " + requests, "version", pool.version(id))));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/events", Kind.FORM, event).id(pool::fugitive)
			.baseline(id -> values("type", "DETENTION", "date", "2015", "country", "US", "sourceId", pool.source, "quote",
					"Test quote", "version", pool.version(id)))
			.creates("event"));
		targets.add(new Target(HttpMethod.POST, "/events/{id}/edit", Kind.FORM, correction).id(pool::event)
			.baseline(id -> values("type", "DETENTION", "date", "2015", "country", "US", "reason", "Test correction",
					"version", pool.eventVersion(id))));
		targets.add(new Target(HttpMethod.POST, "/events/{id}/delete", Kind.FORM, deletion).id(pool::event)
			.baseline(id -> values("reason", "Test deletion", "version", pool.eventVersion(id)))
			.deletes("event")
			.weight(0.6));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/photos", Kind.MULTIPART, photo).id(pool::fugitive)
			.baseline(id -> values("file", new Upload("photo.png", "image/png", PHOTO), "caption", "Test photo caption",
					"sourceId", pool.source, "quote", "Test quote"))
			.creates("fugitive_photo"));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/photos/{photoId}/primary", Kind.FORM, photoId)
			.id(pool::fugitive)
			.baseline(id -> values("{photoId}", pool.photo(id)))
			.weight(0.4));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/photos/{photoId}/delete", Kind.FORM, photoId)
			.id(pool::fugitive)
			.baseline(id -> values("{photoId}", pool.photo(id)))
			.deletes("fugitive_photo")
			.weight(0.3));
		targets.add(new Target(HttpMethod.POST, "/cases", Kind.FORM, caseForm)
			.baseline(id -> values("title", "Test Hostile Case " + requests, "status", "OPEN", "sourceId", pool.source,
					"quote", "Test quote"))
			.creates("case_file"));
		targets.add(new Target(HttpMethod.POST, "/cases/{id}/status", Kind.FORM, caseStatus).id(pool::caseFile)
			.baseline(id -> values("status", pool.caseStatus(), "version", pool.caseVersion(id))));
		targets.add(new Target(HttpMethod.POST, "/cases/{id}/participants", Kind.FORM, participant).id(pool::caseFile)
			.baseline(id -> values("fugitiveId", pool.anyFugitive(), "role", "WITNESS", "version", pool.caseVersion(id))));
		targets.add(new Target(HttpMethod.POST, "/asset-transfers", Kind.FORM, asset)
			.baseline(id -> values("amount", "1000", "currency", "CNY", "qualifier", "ABOUT", "amountAsReported",
					"Test about 1000 yuan", "fugitiveId", pool.anyFugitive(), "sourceId", pool.source, "quote", "Test quote"))
			.creates("asset_transfer"));
		targets.add(new Target(HttpMethod.POST, "/sources", Kind.FORM, source)
			.baseline(id -> values("title", "Test Hostile Source " + requests, "publisher", "Test publisher"))
			.creates("source"));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/identifiers", Kind.FORM, identifier).id(pool::fugitive)
			.baseline(id -> values("scheme", "PASSPORT", "value", "Test-H-" + requests, "issuingCountry", "US",
					"sourceId", pool.source, "quote", "Test quote"))
			.creates("external_identifier"));
		targets.add(new Target(HttpMethod.POST, "/identifiers/{id}/remove", Kind.FORM, List.of()).id(pool::identifier)
			.deletes("external_identifier")
			.weight(0.3));
		targets.add(new Target(HttpMethod.POST, "/fugitives/{id}/wanted-lists", Kind.FORM, place).id(pool::fugitive)
			.baseline(id -> values("wantedListId", pool.wantedList(), "rank", requests + 1, "added", "2015-04",
					"sourceId", pool.source, "quote", "Test quote"))
			.creates("list_membership"));
		targets.add(new Target(HttpMethod.POST, "/list-memberships/{id}/remove", Kind.FORM, List.of())
			.id(pool::membership)
			.deletes("list_membership")
			.weight(0.3));

		// Imports: a file upload (any file is hostile input), its preview and its confirmation, and the same
		// through the API. The valid file's one row is refused (no name), so that no value fuzzed into
		// the other fields (a dryRun of "0", a real source's id) makes an import write a person.
		List<Field> importFile = fields("file", "format", "sourceId!");
		targets.add(new Target(HttpMethod.GET, "/admin/import", Kind.QUERY, List.of()).weight(0.2));
		targets.add(new Target(HttpMethod.POST, "/admin/import", Kind.MULTIPART, importFile)
			.baseline(id -> values("file", new Upload("list.csv", "text/csv", REFUSED_ROWS), "format", "csv")));
		targets.add(new Target(HttpMethod.GET, "/admin/import/{id}", Kind.QUERY, List.of()).id(() -> pool.upload)
			.weight(0.3));
		targets.add(new Target(HttpMethod.POST, "/admin/import/{id}", Kind.FORM, fields("createDuplicates"))
			.id(() -> pool.upload)
			.baseline(id -> values("createDuplicates", "false"))
			.weight(0.3));
		List<Field> importApi = new ArrayList<>(importFile);
		importApi.addAll(fields("dryRun", "createDuplicates"));
		targets.add(new Target(HttpMethod.POST, "/api/v1/imports", Kind.MULTIPART, importApi)
			.baseline(id -> values("file", new Upload("list.csv", "text/csv", REFUSED_ROWS), "dryRun", "true")));

		// Accounts: creating one, resetting a throwaway account's password, changing one's own, signing in.
		targets.add(new Target(HttpMethod.POST, "/admin/users", Kind.FORM, fields("username", "role", "password"))
			.baseline(id -> values("username", "test-hostile-" + requests, "role", "INVESTIGATOR", "password",
					"Test-password-" + requests))
			.creates("user_account")
			.weight(0.5));
		targets.add(new Target(HttpMethod.POST, "/admin/users/{id}/password", Kind.FORM,
				fields("password", "confirmation", "adminPassword"))
			.id(() -> pool.resetUser)
			.baseline(id -> values("password", "Test-password-" + requests, "confirmation", "Test-password-" + requests,
					"adminPassword", TestLogin.ADMIN.password()))
			.weight(0.5));
		targets.add(new Target(HttpMethod.POST, "/admin/users/{id}/disable", Kind.FORM, List.of())
			.id(() -> pool.resetUser)
			.weight(0.2));
		targets.add(new Target(HttpMethod.POST, "/admin/users/{id}/enable", Kind.FORM, List.of())
			.id(() -> pool.resetUser)
			.weight(0.2));
		targets.add(new Target(HttpMethod.POST, "/account/password", Kind.FORM,
				fields("currentPassword", "newPassword", "confirmation"))
			.as(Caller.SELF)
			.baseline(id -> values("currentPassword", pool.selfPassword, "newPassword", "Test-new-password-" + requests,
					"confirmation", "Test-new-password-" + requests))
			.weight(0.3));
		targets.add(new Target(HttpMethod.POST, "/login", Kind.FORM, fields("username", "password"))
			.as(Caller.ANONYMOUS)
			.baseline(id -> values("username", pool.self, "password", pool.selfPassword))
			.weight(0.15));

		// The write API.
		targets.add(new Target(HttpMethod.POST, "/api/v1/fugitives", Kind.JSON, newFugitiveJson)
			.baseline(id -> values("name", "Test Hostile Api " + requests, "sourceId", pool.source, "quote", "Test quote",
					"confirmDuplicate", "true"))
			.inQuery("confirmDuplicate")
			.creates("fugitive"));
		targets.add(new Target(HttpMethod.PUT, "/api/v1/fugitives/{id}", Kind.JSON, fugitiveJson).id(pool::fugitive)
			.baseline(id -> values("name", "Test Hostile Api Edit " + requests, "version", pool.version(id))));
		targets.add(new Target(HttpMethod.POST, "/api/v1/fugitives/{id}/events", Kind.JSON, event).id(pool::fugitive)
			.baseline(id -> values("type", "DETENTION", "date", "2015", "country", "US", "sourceId", pool.source, "quote",
					"Test quote", "version", pool.version(id)))
			.creates("event"));
		targets.add(new Target(HttpMethod.PUT, "/api/v1/events/{id}", Kind.JSON, correction).id(pool::event)
			.baseline(id -> values("type", "DETENTION", "date", "2015", "country", "US", "reason", "Test correction",
					"version", pool.eventVersion(id))));
		targets.add(new Target(HttpMethod.DELETE, "/api/v1/events/{id}", Kind.JSON, deletion).id(pool::event)
			.baseline(id -> values("reason", "Test deletion", "version", pool.eventVersion(id)))
			.deletes("event")
			.weight(0.6));
		targets.add(new Target(HttpMethod.POST, "/api/v1/cases", Kind.JSON, caseForm)
			.baseline(id -> values("title", "Test Hostile Api Case " + requests, "status", "OPEN", "agencyIds",
					List.of(pool.agency), "sourceId", pool.source, "quote", "Test quote"))
			.creates("case_file"));
		targets.add(new Target(HttpMethod.PUT, "/api/v1/cases/{id}/status", Kind.JSON, caseStatus).id(pool::caseFile)
			.baseline(id -> values("status", pool.caseStatus(), "version", pool.caseVersion(id))));
		targets.add(new Target(HttpMethod.POST, "/api/v1/cases/{id}/participants", Kind.JSON, participant)
			.id(pool::caseFile)
			.baseline(id -> values("fugitiveId", pool.anyFugitive(), "role", "WITNESS", "version", pool.caseVersion(id))));
		targets.add(new Target(HttpMethod.POST, "/api/v1/asset-transfers", Kind.JSON, asset)
			.baseline(id -> values("amount", 1000L, "currency", "CNY", "qualifier", "ABOUT", "amountAsReported",
					"Test about 1000 yuan", "caseId", pool.caseFile(), "channels", List.of("CASH"), "sourceId",
					pool.source, "quote", "Test quote"))
			.creates("asset_transfer"));
		targets.add(new Target(HttpMethod.POST, "/api/v1/sources", Kind.JSON, source)
			.baseline(id -> values("title", "Test Hostile Api Source " + requests, "publisher", "Test publisher"))
			.creates("source"));
		targets.add(new Target(HttpMethod.POST, "/api/v1/fugitives/{id}/identifiers", Kind.JSON, identifier)
			.id(pool::fugitive)
			.baseline(id -> values("scheme", "NATIONAL_ID", "value", "Test-HA-" + requests, "issuingCountry", "CN",
					"sourceId", pool.source, "quote", "Test quote"))
			.creates("external_identifier"));
		targets.add(new Target(HttpMethod.DELETE, "/api/v1/identifiers/{id}", Kind.JSON, List.of()).id(pool::identifier)
			.deletes("external_identifier")
			.weight(0.3));

		// Spend the time where the inputs are: the JSON API answers fastest, a refused form re-renders the whole form.
		for (Target target : targets) {
			if (target.kind == Kind.JSON) {
				target.weight *= 1.3;
			}
			else if (target.kind == Kind.FORM && target.caller == Caller.ADMIN) {
				target.weight *= 0.8;
			}
			else if (target.pattern.endsWith("/history")) {
				target.weight *= 0.3;
			}
		}
		return targets;
	}

	/**
	 * One request to the target: one field hostile, several, the path id, or the whole body; or,
	 * when {@code only} names one of these ("{id}", "(body)" or a field), that one.
	 */
	private void send(Target target, String only) throws Exception {
		boolean writing = target.method != HttpMethod.GET;
		int mode = only == null ? random.nextInt(100) : only.equals("{id}") ? 0 : only.equals("(body)") ? 10 : 30;
		Long id = target.id == null ? null : target.id.getAsLong();
		String path = target.pattern;
		Map<String, Object> values = new LinkedHashMap<>(target.baseline.apply(id));
		byte[] rawBody = null;
		String contentType = null;
		List<String> hostileFields = new ArrayList<>();

		if (id != null && (target.fields.isEmpty() || mode < 10)) {
			// A hostile id; a write then carries no body, so that even an id read leniently changes nothing.
			path = path.replace("{id}", UriUtils.encodePathSegment(hostile.id(), StandardCharsets.UTF_8));
			if (writing) {
				values.keySet().removeIf(name -> !isPathVariable(name));
			}
			hostileFields.add("{id}");
		}
		else {
			if (id != null) {
				path = path.replace("{id}", String.valueOf(id));
			}
			if (target.kind == Kind.JSON && mode < 22) {
				rawBody = hostile.body(json(values));
				contentType = random.nextInt(4) > 0 ? MediaType.APPLICATION_JSON_VALUE : pick(CONTENT_TYPES);
				hostileFields.add("(body)");
			}
			else if (!target.fields.isEmpty()) {
				List<Field> chosen = new ArrayList<>(target.fields);
				Collections.shuffle(chosen, random);
				if (only != null) {
					chosen.sort(Comparator.comparing(field -> !field.name().equals(only)));
				}
				// One field alone (so that a write with a payload can be accepted), or several at once.
				int count = mode < 45 || chosen.size() == 1 ? 1 : 2 + random.nextInt(chosen.size() - 1);
				for (Field field : chosen.subList(0, count)) {
					values.put(field.name(), hostileValue(target, field, values.get(field.name()), count == 1));
					hostileFields.add(field.name());
				}
			}
		}
		if (target.kind == Kind.QUERY && random.nextInt(10) == 0) {
			values.put("lang", hostile.text());
			hostileFields.add("lang");
		}
		path = withPathVariables(path, values);

		AbstractMockHttpServletRequestBuilder<?> request = target.kind == Kind.MULTIPART
				? MockMvcRequestBuilders.multipart(target.method, URI.create(path))
				: MockMvcRequestBuilders.request(target.method, URI.create(path));
		request.with(csrf());
		String address = "10.9." + (requests / 256 % 256) + "." + (requests % 256);
		request.with(TestLogin.from(address));
		switch (target.caller) {
			case ADMIN -> request.with(user(admin));
			case SELF -> request.with(user(self));
			case ANONYMOUS -> {
			}
		}
		// An account's own failures (a wrong current password, a wrong admin password before a reset)
		// must not delay it for the rest of the run; each request comes from an address of its own,
		// so no name-and-address pair is ever locked.
		jdbc.update("delete from login_throttle where kind = 'ACCOUNT' and throttle_key = ?",
				target.caller == Caller.ADMIN ? TestLogin.ADMIN.username() : pool.self);
		if (target.kind == Kind.JSON) {
			// the request's parameters go in the query, the rest in the body
			Map<String, Object> body = new LinkedHashMap<>(values);
			for (String parameter : target.queryParameters) {
				if (body.containsKey(parameter)) {
					request.param(parameter, formValues(body.remove(parameter)));
				}
			}
			request.contentType(contentType != null ? contentType : MediaType.APPLICATION_JSON_VALUE)
				.content(rawBody != null ? rawBody : json(body).getBytes(StandardCharsets.UTF_8));
		}
		else {
			if (target.kind == Kind.FORM) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
			}
			values.forEach((name, value) -> {
				if (value instanceof Upload upload) {
					((MockMultipartHttpServletRequestBuilder) request)
						.file(new MockMultipartFile(name, upload.filename(), upload.contentType(), upload.bytes()));
				}
				else {
					request.param(name, formValues(value));
				}
			});
		}

		requests++;
		inputs += hostileFields.size();
		hostileFields.forEach(field -> fuzzed.merge(target.key() + " " + field, 1, Integer::sum));
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			serverErrors++;
			fail("exception", target.key() + " " + hostileFields + " threw " + rootCause(ex) + " at " + stackHead(ex), values);
			return;
		}
		int status = response.getStatus();
		statuses.merge(status / 100 + "xx", 1, Integer::sum);
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		check(target.method + " " + path, hostileFields, status, response.getContentType(), body, values);
		if (writing && isAccepted(status, response.getHeader(HttpHeaders.LOCATION))) {
			accepted(target, id, values, response.getHeader(HttpHeaders.LOCATION), body);
		}
	}

	private static final List<String> CONTENT_TYPES = List.of("application/json;charset=ISO-8859-1",
			"application/json; charset=no-such-charset", "application/json;charset=UTF-16", "text/plain",
			"application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*",
			"application/json;;", "application/json; charset=\"utf-8\"", "application/merge-patch+json",
			"application/problem+json", "application/vnd.api+json", "text/html", "application/octet-stream",
			"application");

	/** A hostile value for the field: text of any kind, a JSON value of any type, or a markup payload on a valid value. */
	private Object hostileValue(Target target, Field field, Object valid, boolean alone) {
		if (valid instanceof Upload) {
			return hostileUpload();
		}
		boolean json = target.kind == Kind.JSON && !target.queryParameters.contains(field.name());
		if (alone && !field.reference() && random.nextInt(100) < 30) {
			String base = valid instanceof String text ? text : "Test";
			return json ? new Json(hostile.jsonString(hostile.withMarkup(base))) : hostile.withMarkup(base);
		}
		if (field.multi()) {
			int size = random.nextInt(4);
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				list.add(json ? new Json(field.reference() ? hostile.jsonId() : hostile.json())
						: field.reference() ? hostile.id() : hostile.text());
			}
			if (json && random.nextInt(4) == 0) {
				return new Json(field.reference() ? hostile.jsonId() : hostile.json());
			}
			return list;
		}
		if (field.reference()) {
			return json ? new Json(hostile.jsonId()) : hostile.id();
		}
		if (target.key().equals("POST /login") && field.name().equals("username")) {
			// A failure for a bootstrap account would count against it and might lock it for other tests.
			String name;
			do {
				name = hostile.text();
			}
			while (BOOTSTRAP_ACCOUNTS.contains(name.strip()));
			return name;
		}
		return json ? new Json(hostile.json()) : hostile.text();
	}

	/**
	 * A hostile file: any name and declared type, with a valid photo (so the upload may be stored
	 * under that name, which must never show), text, random or invalid bytes, a damaged image, a
	 * decompression bomb, nothing; or no file at all, the field sent as text.
	 */
	private Object hostileUpload() {
		String name = random.nextInt(4) == 0 ? "photo.png" : hostile.text();
		String type = random.nextInt(3) == 0 ? "image/png" : hostile.text();
		byte[] bytes = switch (random.nextInt(9)) {
			case 0, 1 -> PHOTO;
			case 2 -> hostile.text().getBytes(StandardCharsets.UTF_8);
			case 3 -> hostile.badBytes();
			case 4 -> Arrays.copyOf(PHOTO, random.nextInt(PHOTO.length));
			case 5 -> bomb();
			case 6 -> new byte[0];
			case 7 -> hostile.splice(PHOTO, hostile.badBytes());
			default -> null;
		};
		return bytes == null ? hostile.text() : new Upload(name, type, bytes);
	}

	/** A 1 × 1 PNG whose header says it is 30000 × 30000 pixels. */
	private static byte[] bomb() {
		byte[] png = png(1, 1);
		ByteBuffer.wrap(png, 16, 8).putInt(30_000).putInt(30_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		return png;
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

	/** A second id in a path, such as {@code {photoId}}: a field of its target, sent in the path. */
	private static boolean isPathVariable(String name) {
		return name.startsWith("{");
	}

	/** The path with each path variable among the values put in (and taken out of the values). */
	private static String withPathVariables(String path, Map<String, Object> values) {
		String filled = path;
		for (Iterator<Map.Entry<String, Object>> entries = values.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<String, Object> entry = entries.next();
			if (isPathVariable(entry.getKey())) {
				filled = filled.replace(entry.getKey(),
						UriUtils.encodePathSegment(String.valueOf(entry.getValue()), StandardCharsets.UTF_8));
				entries.remove();
			}
		}
		return filled;
	}

	private static boolean isAccepted(int status, String location) {
		if (status >= 200 && status < 300) {
			return true;
		}
		return status == 302 && location != null && !location.startsWith("/login");
	}

	/** Counts an accepted write and remembers the page that now shows what it stored. */
	private void accepted(Target target, Long id, Map<String, Object> values, String location, String body) {
		if (target.key().equals("POST /account/password")) {
			pool.selfPassword = String.valueOf(values.get("newPassword"));
		}
		if (target.deletes != null) {
			acceptedRows.merge(target.deletes, -1, Integer::sum);
		}
		if (target.creates == null) {
			if (target.pattern.startsWith("/fugitives/{id}") || target.pattern.startsWith("/api/v1/fugitives/{id}")) {
				writtenPages.computeIfAbsent("/fugitives/" + id, p -> new LinkedHashSet<>());
			}
			else if (target.pattern.contains("/cases/{id}")) {
				writtenPages.computeIfAbsent("/cases/" + id, p -> new LinkedHashSet<>());
			}
			return;
		}
		acceptedRows.merge(target.creates, 1, Integer::sum);
		String page = null;
		Matcher redirect = LOCATION_ID.matcher(location == null ? "" : location);
		Matcher json = CREATED_ID.matcher(body);
		if (target.creates.equals("fugitive_photo")) {
			page = "/fugitives/" + id + "/photos";
		}
		else if (List.of("event", "asset_transfer", "external_identifier", "list_membership").contains(target.creates)) {
			page = location != null && redirect.matches() ? location : id != null ? "/fugitives/" + id : null;
		}
		else if (target.kind == Kind.FORM && redirect.matches()) {
			page = location;
		}
		else if (target.kind == Kind.JSON && json.find()) {
			page = switch (target.creates) {
				case "fugitive" -> "/fugitives/" + json.group(1);
				case "case_file" -> "/cases/" + json.group(1);
				case "source" -> "/sources/" + json.group(1);
				default -> null;
			};
		}
		if (page == null) {
			return;
		}
		if (target.creates.equals("source")) {
			sourcesCreatedDirectly.add(Long.parseLong(page.substring(page.lastIndexOf('/') + 1)));
		}
		if (target.creates.equals("fugitive")) {
			pool.fugitives.add(Long.parseLong(page.substring(page.lastIndexOf('/') + 1)));
		}
		Set<String> tokens = writtenPages.computeIfAbsent(page, p -> new LinkedHashSet<>());
		String shown = switch (target.creates) {
			case "fugitive" -> "name";
			case "external_identifier" -> "value";
			case "case_file", "source" -> "title";
			case "fugitive_photo" -> "caption";
			default -> null;
		};
		if (shown != null) {
			Matcher token = TOKEN.matcher(String.valueOf(values.get(shown) instanceof Json j ? j.json() : values.get(shown)));
			while (token.find()) {
				tokens.add(token.group());
			}
		}
	}

	/** What every answer must be: no 5xx, no unescaped payload, no evaluated template, no stack trace, JSON from the API. */
	private void check(String request, List<String> fields, int status, String contentType, String body,
			Map<String, Object> values) {
		String what = request + " " + fields + " -> " + status;
		if (status >= 500) {
			serverErrors++;
			fail("5xx", what, values);
		}
		if (contentType != null && contentType.startsWith("text/html")) {
			checkHtml(what, body, values);
		}
		// (Tomcat refuses a path it cannot decode itself, before the application, with its own short 400 page.)
		boolean undecodablePath = request.endsWith("(HTTP)") && fields.contains("{id}");
		// (The FtM export answers JSON lines, one object a line.)
		if (request.contains(" /api/") && !undecodablePath && !body.isEmpty() && (contentType == null
				|| !(contentType.startsWith("application/json") || contentType.startsWith("application/problem+json")
						|| contentType.startsWith("application/x-ndjson") && jsonLines(body)))) {
			fail("api-not-json", what + " answered " + contentType, values);
		}
	}

	private void checkHtml(String what, String body, Map<String, Object> values) {
		String unescaped = hostile.unescaped(body);
		if (unescaped != null) {
			fail("unescaped", what + " shows " + unescaped, values);
		}
		String evaluated = hostile.evaluated(body);
		if (evaluated != null) {
			fail("evaluated", what + " evaluated a template expression: " + evaluated, values);
		}
		Matcher leak = LEAK.matcher(body);
		if (leak.find()) {
			fail("leak", what + " shows " + leak.group(), values);
		}
	}

	private void fail(String kind, String what, Map<String, Object> values) {
		failureKinds.merge(kind, 1, Integer::sum);
		if (failures.size() < 40) {
			String shown = values.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + abbreviate(String.valueOf(e.getValue() instanceof Json j ? j.json() : e.getValue())))
				.collect(Collectors.joining(", "));
			failures.add(kind + ": " + what + " {" + shown + "}");
		}
	}

	// ---------------------------------------------------------------- over real HTTP

	/**
	 * What MockMvc cannot send: percent-encoded invalid UTF-8 in query strings and paths (Tomcat
	 * decodes those), and bytes that are not UTF-8 in form and JSON bodies, through a real
	 * session of the admin (CSRF token included).
	 */
	private void overRealHttp(List<Target> targets) {
		String base = "http://localhost:" + port;
		HttpBrowser browser = new HttpBrowser();
		assertThat(TestLogin.logIn(browser, base, TestLogin.ADMIN).statusCode()).isEqualTo(302);
		String token = HttpBrowser.csrfToken(browser.get(base + "/sources/new").body()).orElseThrow();
		List<String> badEncodings = List.of("%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%00", "%C3", "%E2%82", "abc%E2%82",
				"%F0%9F%98", "%EF%BB%BF", "%0D%0ASet-Cookie:%20x=1", "%E2%80%AE", "%3Cscript%3Ealert(1)%3C/script%3E");
		for (Target target : targets) {
			Long id = target.id == null ? null : target.id.getAsLong();
			Map<String, Object> values = new LinkedHashMap<>(target.baseline.apply(id));
			String pattern = withPathVariables(target.pattern, values);
			String path = id == null ? pattern : pattern.replace("{id}", String.valueOf(id));
			if (target.caller == Caller.SELF) {
				continue; // never over the admin's own session
			}
			if (target.method == HttpMethod.GET) {
				for (Field field : target.fields) {
					String value = pick(badEncodings);
					String uri = isPathVariable(field.name())
							? withPathVariables(target.pattern, new LinkedHashMap<>(Map.of(field.name(), "x")))
								.replace("/x", "/" + value).replace("{id}", String.valueOf(id))
							: path + "?" + field.name() + "=" + value;
					realHttp(target, id, field.name(), browser, HttpRequest.newBuilder(URI.create(base + uri)).GET());
				}
				if (target.id != null) {
					String value = pick(badEncodings);
					realHttp(target, id, "{id}", browser,
							HttpRequest.newBuilder(URI.create(base + pattern.replace("{id}", value))).GET());
				}
				continue;
			}
			if (target.caller != Caller.ADMIN) {
				continue;
			}
			if (target.kind == Kind.MULTIPART) {
				multipartOverRealHttp(target, id, base + path, token, browser, values);
			}
			String oddCharset = ODD_CHARSETS.get(requests % ODD_CHARSETS.size());
			realHttp(target, id, "(content type)", browser, HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", oddCharset)
				.header("X-CSRF-TOKEN", token)
				.method(target.method.name(), HttpRequest.BodyPublishers.ofString(target.kind == Kind.JSON ? json(values)
						: "_csrf=" + token + "&title=Test", StandardCharsets.UTF_8)));
			for (Field field : target.fields) {
				if (target.kind == Kind.JSON) {
					byte[] body = hostile.splice(json(Map.of(field.name(), "Test ")).getBytes(StandardCharsets.UTF_8),
							hostile.badBytes());
					Map<String, Object> rest = new LinkedHashMap<>(values);
					rest.remove(field.name());
					String json = json(rest);
					byte[] whole = concat(Arrays.copyOf(body, body.length - 1),
							(rest.isEmpty() ? "}" : "," + json.substring(1)).getBytes(StandardCharsets.UTF_8));
					realHttp(target, id, field.name(), browser,
							HttpRequest.newBuilder(URI.create(base + path))
								.header("Content-Type", "application/json;charset=UTF-8")
								.header("X-CSRF-TOKEN", token)
								.method(target.method.name(), HttpRequest.BodyPublishers.ofByteArray(whole)));
				}
				else {
					ByteArrayOutputStream form = new ByteArrayOutputStream();
					form.writeBytes(("_csrf=" + token).getBytes(StandardCharsets.US_ASCII));
					values.forEach((name, value) -> {
						if (!name.equals(field.name())) {
							for (String v : formValues(value)) {
								form.writeBytes(("&" + name + "=" + UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8))
									.getBytes(StandardCharsets.US_ASCII));
							}
						}
					});
					form.writeBytes(("&" + field.name() + "=Test").getBytes(StandardCharsets.US_ASCII));
					form.writeBytes(random.nextBoolean() ? hostile.badBytes()
							: pick(badEncodings).getBytes(StandardCharsets.US_ASCII));
					realHttp(target, id, field.name(), browser,
							HttpRequest.newBuilder(URI.create(base + path))
								.header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
								.method(target.method.name(), HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
				}
			}
		}
	}

	/**
	 * Multipart bodies as only a raw client sends them, through Tomcat's own parsing: a file name and
	 * a field of bytes that are no UTF-8, a part header longer than Tomcat reads, more parts than it
	 * takes, a body cut short, and a photo between its limit (5 MB) and the body's (10 MB).
	 */
	private void multipartOverRealHttp(Target target, Long id, String url, String token, HttpBrowser browser,
			Map<String, Object> values) {
		String boundary = "hostile" + random.nextInt(1_000_000);
		Map<String, byte[]> fields = new LinkedHashMap<>();
		fields.put("_csrf", token.getBytes(StandardCharsets.US_ASCII));
		values.forEach((name, value) -> {
			if (!(value instanceof Upload)) {
				fields.put(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
			}
		});
		List<byte[]> bodies = new ArrayList<>();
		bodies.add(multipart(boundary, fields, concat("photo".getBytes(StandardCharsets.US_ASCII), hostile.badBytes()),
				PHOTO));
		Map<String, byte[]> badCaption = new LinkedHashMap<>(fields);
		badCaption.put("caption", hostile.splice("Test ".getBytes(StandardCharsets.UTF_8), hostile.badBytes()));
		bodies.add(multipart(boundary, badCaption, "photo.png".getBytes(StandardCharsets.US_ASCII), PHOTO));
		bodies.add(multipart(boundary, fields, "x".repeat(20_000).getBytes(StandardCharsets.US_ASCII), PHOTO));
		Map<String, byte[]> many = new LinkedHashMap<>(fields);
		for (int i = 0; i < 200; i++) {
			many.put("extra" + i, "x".getBytes(StandardCharsets.US_ASCII));
		}
		bodies.add(multipart(boundary, many, "photo.png".getBytes(StandardCharsets.US_ASCII), PHOTO));
		byte[] whole = multipart(boundary, fields, "photo.png".getBytes(StandardCharsets.US_ASCII), PHOTO);
		bodies.add(Arrays.copyOf(whole, whole.length - 40));
		bodies.add(multipart(boundary, fields, "large.png".getBytes(StandardCharsets.US_ASCII),
				Arrays.copyOf(PHOTO, 6 * 1024 * 1024)));
		for (byte[] body : bodies) {
			realHttp(target, id, "(multipart)", browser, HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		}
	}

	private static byte[] multipart(String boundary, Map<String, byte[]> fields, byte[] filename, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(value);
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		});
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(filename);
		body.writeBytes("\"\r\nContent-Type: image/png\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/** Content types whose charset Tomcat passes on as given: illegal or unknown names, lists, quotes. */
	private static final List<String> ODD_CHARSETS = List.of("application/json; charset=\"a b\"", "application/json;charset=@@@",
			"application/json; charset=no-such-charset", "application/json; charset=utf-8, utf-16",
			"application/json; charset=", "application/json; charset=\"\"", "application/x-www-form-urlencoded; charset=a/b",
			"application/x-www-form-urlencoded; charset=no-such-charset", "text/plain; charset=\u00e9");

	private void realHttp(Target target, Long id, String field, HttpBrowser browser, HttpRequest.Builder request) {
		requests++;
		httpRequests++;
		inputs++;
		fuzzed.merge(target.key() + " " + field + " (HTTP)", 1, Integer::sum);
		HttpResponse<String> response = browser.send(request.header("Accept",
				target.pattern.startsWith("/api/") ? "application/json" : "text/html,application/xhtml+xml"));
		statuses.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
		String contentType = response.headers().firstValue("Content-Type").orElse(null);
		HttpRequest sent = request.build();
		check(sent.method() + " " + sent.uri().getRawPath() + " (HTTP)", List.of(field), response.statusCode(),
				contentType, response.body(), Map.of("uri", sent.uri().toString()));
		if (target.method != HttpMethod.GET
				&& isAccepted(response.statusCode(), response.headers().firstValue("Location").orElse(null))) {
			accepted(target, id, Map.of(), relative(response.headers().firstValue("Location").orElse(null)),
					response.body());
		}
	}

	private String relative(String location) {
		return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
	}

	// ---------------------------------------------------------------- afterwards

	/** Every page of a record written during the run shows no payload unescaped, and the created ones show theirs. */
	private void checkWrittenPages() throws Exception {
		List<String> pages = new ArrayList<>(List.of("/", "/fugitives?size=200", "/fugitives?size=200&sort=name,desc",
				"/fugitives?size=200&sort=fled,desc", "/sources", "/sources?page=1", "/sources?page=2", "/cases",
				"/cases?page=1", "/audit", "/audit?page=1", "/audit?page=2", "/audit?entity=Fugitive", "/admin/users",
				"/operations/" + pool.operation));
		// Every page that must show a stored payload, and a sample of the others with their histories.
		int others = 0;
		for (Map.Entry<String, Set<String>> page : writtenPages.entrySet()) {
			boolean sampled = others++ % 4 == 0;
			if (!page.getValue().isEmpty() || sampled) {
				pages.add(page.getKey());
			}
			if (sampled && LOCATION_ID.matcher(page.getKey()).matches() && !page.getKey().startsWith("/sources/")) {
				pages.add(page.getKey() + "/history");
			}
		}
		for (long fugitive : pool.own) {
			pages.addAll(List.of("/fugitives/" + fugitive + "/edit", "/fugitives/" + fugitive + "/manage",
					"/fugitives/" + fugitive + "/events/new", "/fugitives/" + fugitive + "/photos",
					"/fugitives/" + fugitive + "/identifiers", "/fugitives/" + fugitive + "/wanted-lists"));
		}
		pool.events().stream().limit(20).forEach(event -> pages.add("/events/" + event + "/edit"));
		pages.add("/cases/" + pool.cases.get(0) + "/manage");
		for (String page : pages) {
			MockHttpServletResponse response;
			try {
				response = mvc.perform(MockMvcRequestBuilders.get(page).with(user(admin))).andReturn().getResponse();
			}
			catch (Exception ex) {
				serverErrors++;
				fail("stored-page", "GET " + page + " threw " + rootCause(ex), Map.of());
				continue;
			}
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			String what = "GET " + page + " -> " + response.getStatus();
			if (response.getStatus() != 200) {
				fail("stored-page", what + " (a page of a written record does not render)", Map.of());
				continue;
			}
			checkHtml(what, body, Map.of());
			pagesChecked++;
			for (String token : writtenPages.getOrDefault(page, Set.of())) {
				if (body.contains(token)) {
					payloadsShown++;
				}
				else {
					fail("stored-not-shown", what + " does not show the stored payload " + token, Map.of());
				}
			}
		}
	}

	/** No stored row breaks the application's rules; tables grew by exactly the accepted writes; nothing half-written. */
	private void checkStoredRows(Snapshot before) {
		// Text as the forms allow it: plain (no control or bidi-override characters), trimmed, within the limits.
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.putAll(Map.of("fugitive.name", 200, "fugitive.native_name", 100, "fugitive.former_position", 300,
				"fugitive.former_organisation", 300, "fugitive.province", 100, "fugitive.city", 100,
				"fugitive_alias.alias", 200, "fugitive_offence.offence", 200, "event.description", 2000));
		limits.putAll(Map.of("source.title", 300, "source.publisher", 200, "source.url", 2000, "case_file.title", 300,
				"case_file.description", 4000, "asset_transfer.amount_as_reported", 200,
				"asset_transfer.description", 2000, "citation.quote", 4000, "citation.claim", 1000,
				"audit_revision.reason", 1000));
		limits.put("fugitive_photo.caption", 300);
		limits.putAll(Map.of("external_identifier.value", 100, "external_identifier.quote", 4000,
				"list_membership.quote", 4000));
		limits.forEach((column, limit) -> {
			String[] parts = column.split("\\.");
			jdbc.query("select " + parts[1] + " from " + parts[0] + " where " + parts[1] + " is not null", rs -> {
				String value = rs.getString(1);
				if (!isStorable(value) || value.codePointCount(0, value.length()) > limit
						|| !value.equals(value.strip()) && !column.equals("citation.claim")) {
					fail("stored-invalid", column + " holds " + abbreviate(value), Map.of());
				}
			});
		});
		jdbc.query("select username from user_account", rs -> {
			if (!rs.getString(1).matches("[a-z0-9._-]{2,64}")) {
				fail("stored-invalid", "user_account.username holds " + abbreviate(rs.getString(1)), Map.of());
			}
		});
		jdbc.query("select url from source where url is not null", rs -> {
			if (!rs.getString(1).matches("https?://\\S+")) {
				fail("stored-invalid", "source.url holds " + abbreviate(rs.getString(1)), Map.of());
			}
		});

		// Exactly the accepted writes (and this test's own throwaway rows) added rows.
		for (String table : List.of("fugitive", "event", "case_file", "asset_transfer", "user_account",
				"fugitive_photo", "external_identifier", "list_membership")) {
			int grown = count(table) - before.counts.get(table);
			int expected = acceptedRows.getOrDefault(table, 0) + pool.setupRows.getOrDefault(table, 0);
			if (grown != expected) {
				fail("row-count", table + " grew by " + grown + " but accepted writes (and setup) account for " + expected,
						Map.of());
			}
		}
		// Nothing half-written: every record a write created cites a source, every new source is cited or was added as one.
		for (String[] subject : new String[][] { { "fugitive", "fugitive_id" }, { "event", "event_id" },
				{ "case_file", "case_id" }, { "asset_transfer", "asset_transfer_id" } }) {
			List<Long> uncited = jdbc.queryForList("select t.id from " + subject[0] + " t where t.id > ? and not t.synthetic"
					+ " and not exists (select 1 from citation c where c." + subject[1] + " = t.id)", Long.class,
					before.max.get(subject[0]));
			if (!uncited.isEmpty()) {
				fail("uncited", subject[0] + " rows without a source: " + uncited, Map.of());
			}
		}
		// A photo is whole: its bytes, and a citation of its person as a photo; a person with photos has one primary.
		List<Long> brokenPhotos = jdbc.queryForList("""
				select p.id from fugitive_photo p
				left join fugitive_photo_file f on f.photo_id = p.id
				left join citation c on c.id = p.citation_id
				where f.photo_id is null or c.fugitive_id is distinct from p.fugitive_id or c.attribute <> 'photo'""",
				Long.class);
		if (!brokenPhotos.isEmpty()) {
			fail("half-written", "photos without their bytes or their citation: " + brokenPhotos, Map.of());
		}
		List<Long> withoutOnePrimary = jdbc.queryForList("""
				select fugitive_id from fugitive_photo group by fugitive_id
				having count(*) filter (where is_primary) <> 1""", Long.class);
		if (!withoutOnePrimary.isEmpty()) {
			fail("primary-photo", "people whose photos have no primary one: " + withoutOnePrimary, Map.of());
		}
		List<Long> orphans = jdbc.queryForList("select s.id from source s where s.id > ? and not s.synthetic"
				+ " and not exists (select 1 from citation c where c.source_id = s.id)"
				+ " and not exists (select 1 from external_identifier x where x.source_id = s.id)"
				+ " and not exists (select 1 from list_membership m where m.source_id = s.id)", Long.class,
				before.max.get("source"));
		orphans.removeAll(sourcesCreatedDirectly);
		if (!orphans.isEmpty()) {
			fail("orphan-source", "sources neither added nor cited (left by a refused write?): " + orphans, Map.of());
		}
	}

	/** The application's own rule for text ({@link PlainText}), and no bidirectional overrides (which disguise text). */
	private static boolean isStorable(String value) {
		return PlainText.Validator.isPlain(value) && value.chars().noneMatch(c -> c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069);
	}

	/** The seeded (and other tests') records: rows that existed before the run and are not this test's throwaways. */
	private Map<String, String> seedFingerprint(Snapshot before) {
		Map<String, String> fingerprint = new TreeMap<>();
		Map<String, String> queries = Map.of("fugitive", "select f::text from fugitive f where id <= :max and not synthetic",
				"event", "select e::text from event e where id <= :max and not synthetic",
				"case_file", "select c::text from case_file c where id <= :max and not synthetic",
				"source", "select s::text from source s where id <= :max and not synthetic",
				"asset_transfer", "select a::text from asset_transfer a where id <= :max and not synthetic",
				"citation", "select c::text from citation c where id <= :max",
				"user_account", "select u::text from user_account u where id <= :max",
				"external_identifier", "select x::text from external_identifier x where id <= :max",
				"list_membership", "select m::text from list_membership m where id <= :max");
		queries.forEach((table, sql) -> fingerprint.put(table, String.valueOf(jdbc.queryForObject(
				"select md5(string_agg(t, '|' order by t)) from (" + sql.replace(":max", String.valueOf(before.max.get(table)))
						+ ") rows(t)", String.class))));
		fingerprint.put("children", String.valueOf(jdbc.queryForObject("""
				select md5(string_agg(t, '|' order by t)) from (
				  select 'p' || p::text from case_participant p join case_file c on c.id = p.case_id where not c.synthetic and c.id <= ?
				  union all select 'g' || g::text from case_agency g join case_file c on c.id = g.case_id where not c.synthetic and c.id <= ?
				  union all select 'a' || a::text from fugitive_alias a join fugitive f on f.id = a.fugitive_id where not f.synthetic and f.id <= ?
				  union all select 'o' || o::text from fugitive_offence o join fugitive f on f.id = o.fugitive_id where not f.synthetic and f.id <= ?
				  union all select 'd' || d::text from fugitive_destination d join fugitive f on f.id = d.fugitive_id where not f.synthetic and f.id <= ?
				) rows(t)""", String.class, before.max.get("case_file"), before.max.get("case_file"), before.max.get("fugitive"),
				before.max.get("fugitive"), before.max.get("fugitive"))));
		return fingerprint;
	}

	// ---------------------------------------------------------------- coverage

	/**
	 * Every path variable, request parameter and field of a form or JSON body the application's
	 * controllers take must be a field of a target; returns them all as "METHOD pattern field".
	 */
	private Set<String> expectedFields() {
		Set<String> expected = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.fugitivetracker")) {
				continue;
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
					String key = method.name() + " " + pattern;
					for (MethodParameter parameter : handler.getMethodParameters()) {
						for (String field : inputsOf(parameter)) {
							expected.add(key + " " + field);
						}
					}
				}
			}
		}
		expected.add("POST /login username");
		expected.add("POST /login password");
		return expected;
	}

	private void assertEveryMappedInputIsATargetField(List<Target> targets) {
		Set<String> declared = new TreeSet<>();
		for (Target target : targets) {
			target.fields.forEach(field -> declared.add(target.key() + " " + field.name()));
			if (target.id != null) {
				declared.add(target.key() + " {id}");
			}
		}
		Set<String> missing = new TreeSet<>(expectedFields());
		missing.removeAll(declared);
		assertThat(missing).as("mapped inputs no target fuzzes (add them to targets())").isEmpty();
	}

	private static List<String> inputsOf(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(PathVariable.class)) {
			return List.of("{" + parameter.getParameterName() + "}");
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null) {
			return List.of(param.name().isEmpty() ? (param.value().isEmpty() ? parameter.getParameterName() : param.value())
					: param.name());
		}
		Class<?> type = parameter.getParameterType();
		if (type.isRecord()) {
			return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
		}
		return List.of();
	}

	// ---------------------------------------------------------------- helpers

	/** A request the fuzzer sends. */
	private final class Target {

		final HttpMethod method;

		final String pattern;

		final Kind kind;

		final List<Field> fields;

		Caller caller = Caller.ADMIN;

		LongSupplier id;

		Function<Long, Map<String, Object>> baseline = id -> Map.of();

		String creates;

		String deletes;

		double weight = 1;

		/** Of a JSON request, the fields sent as query parameters rather than in the body. */
		Set<String> queryParameters = Set.of();

		Target(HttpMethod method, String pattern, Kind kind, List<Field> fields) {
			this.method = method;
			this.pattern = pattern;
			this.kind = kind;
			this.fields = fields;
		}

		String key() {
			return method.name() + " " + pattern;
		}

		Target id(LongSupplier id) {
			this.id = id;
			return this;
		}

		Target as(Caller caller) {
			this.caller = caller;
			return this;
		}

		Target baseline(Function<Long, Map<String, Object>> baseline) {
			this.baseline = baseline;
			return this;
		}

		Target creates(String table) {
			this.creates = table;
			return this;
		}

		Target deletes(String table) {
			this.deletes = table;
			return this;
		}

		Target weight(double weight) {
			this.weight = weight;
			return this;
		}

		Target inQuery(String... parameters) {
			this.queryParameters = Set.of(parameters);
			return this;
		}

	}

	/**
	 * The throwaway records the writes go to (and the fugitives the run creates, for participants),
	 * and the throwaway accounts.
	 */
	private final class Pool {

		final List<Long> own = new ArrayList<>();

		final List<Long> fugitives = new ArrayList<>();

		final List<Long> cases = new ArrayList<>();

		final long source;

		final long operation;

		final long agency;

		final List<Long> wantedLists = new ArrayList<>();

		/** Identifiers and a list the pool adds only for the removals to remove. */
		final List<Long> removableIdentifiers = new ArrayList<>();

		final long removableList;

		final long resetUser;

		/** An uploaded file whose rows are all refused: previewing or confirming it writes no record. */
		final long upload;

		final String self;

		String selfPassword;

		/** Rows the pool itself added, by table. */
		final Map<String, Integer> setupRows = new TreeMap<>();

		private final TestRecords records;

		Pool(TestRecords records) {
			this.records = records;
			for (int i = 1; i <= 4; i++) {
				long fugitive = records.fugitive("Test Hostile Pool " + i, "AT_LARGE");
				own.add(fugitive);
				records.event("FLIGHT", "2010", "US", fugitive, null, null);
			}
			setupRows.putAll(Map.of("fugitive", 4, "event", 4, "case_file", 2, "user_account", 2));
			fugitives.addAll(own);
			cases.add(records.caseFile("Test Hostile Pool Case 1", "US"));
			cases.add(records.caseFile("Test Hostile Pool Case 2", "CA"));
			source = records.source("Test Hostile Pool Source");
			operation = records.operation("Test Hostile Operation", 10);
			for (int i = 1; i <= 3; i++) {
				wantedLists.add(records.wantedList("Test Hostile List " + i, operation));
			}
			removableList = records.wantedList("Test Hostile Removable List", operation);
			// what the pool's removable identifiers and places cite: a source added here, not by a write
			sourcesCreatedDirectly.add(records.citableSource());
			agency = jdbc.queryForObject("select min(id) from agency", Long.class);
			upload = jdbc.queryForObject("""
					INSERT INTO import_upload (file_name, format, content, sha256, uploaded_by)
					VALUES ('hostile.csv', 'csv', ?, '0', 'test') RETURNING id""", Long.class, (Object) REFUSED_ROWS);
			String reset = records.account("test-hostile-reset").username();
			resetUser = userAccounts.findByUsername(reset).orElseThrow().getId();
			TestLogin.Account account = records.account("test-hostile-self");
			self = account.username();
			selfPassword = account.password();
		}

		/** A throwaway fugitive, to edit and record events for (never one the run created: its page is checked later). */
		long fugitive() {
			return own.get(random.nextInt(own.size()));
		}

		/** A throwaway fugitive or one the run created, to name as a case's participant or a transfer's owner. */
		long anyFugitive() {
			return fugitives.get(random.nextInt(fugitives.size()));
		}

		long caseFile() {
			return cases.get(random.nextInt(cases.size()));
		}

		long wantedList() {
			return pick(wantedLists);
		}

		/**
		 * An identifier the pool added to be removed (never one the run added: its page must show
		 * it); a new one when the run has removed them all.
		 */
		long identifier() {
			List<Long> left = jdbc.queryForList("select id from external_identifier where id = any (?)", Long.class,
					(Object) removableIdentifiers.toArray(Long[]::new));
			if (!left.isEmpty()) {
				return pick(left);
			}
			String number = "Test-Pool-Removable-" + removableIdentifiers.size();
			records.identifier(own.get(0), number);
			setupRows.merge("external_identifier", 1, Integer::sum);
			removableIdentifiers.add(jdbc.queryForObject("select id from external_identifier where value = ?", Long.class,
					number));
			return identifier();
		}

		/**
		 * A place the pool added to be removed, on a list of its own that the run never names (a
		 * person is on a list once); a new one when the run has removed them all.
		 */
		long membership() {
			List<Long> left = jdbc.queryForList("select id from list_membership where wanted_list_id = ?", Long.class,
					removableList);
			if (!left.isEmpty()) {
				return pick(left);
			}
			records.membership(own.get(removableIdentifiers.size() % own.size()), removableList, null);
			setupRows.merge("list_membership", 1, Integer::sum);
			return membership();
		}

		String caseStatus() {
			return pick(List.of("OPEN", "NEGOTIATING", "JOINT_INVESTIGATION", "CLOSED"));
		}

		List<Long> events() {
			return jdbc.queryForList("select id from event where fugitive_id = any (?) order by id", Long.class,
					(Object) own.toArray(Long[]::new));
		}

		/** An event of a pool fugitive; a new one when the run has deleted them all. */
		long event() {
			List<Long> events = events();
			if (events.isEmpty()) {
				setupRows.merge("event", 1, Integer::sum);
				return records.event("DETENTION", "2012", "US", own.get(0), null, null);
			}
			return events.get(random.nextInt(events.size()));
		}

		long version(Long fugitive) {
			return jdbc.queryForObject("select version from fugitive where id = ?", Long.class, fugitive);
		}

		long eventVersion(Long event) {
			List<Long> versions = jdbc.queryForList(
					"select f.version from event e join fugitive f on f.id = e.fugitive_id where e.id = ?", Long.class, event);
			return versions.isEmpty() ? 0 : versions.get(0);
		}

		/** A photo of the person; a new one (then primary) when they have none. */
		long photo(long fugitive) {
			List<Long> photos = jdbc.queryForList("select id from fugitive_photo where fugitive_id = ? order by id",
					Long.class, fugitive);
			if (photos.isEmpty()) {
				setupRows.merge("fugitive_photo", 1, Integer::sum);
				return records.photo(fugitive, source, true);
			}
			return photos.get(random.nextInt(photos.size()));
		}

		long caseVersion(Long caseFile) {
			return jdbc.queryForObject("select version from case_file where id = ?", Long.class, caseFile);
		}

	}

	/** Counts and highest ids before the run, and the login-throttle rows that existed. */
	private final class Snapshot {

		final Map<String, Long> max = new TreeMap<>();

		final Map<String, Integer> counts = new TreeMap<>();

		Snapshot() {
			for (String table : List.of("fugitive", "event", "case_file", "asset_transfer", "source", "citation",
					"user_account", "audit_revision", "operation", "fugitive_photo", "external_identifier",
					"list_membership")) {
				max.put(table, jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class));
				counts.put(table, count(table));
			}
		}

	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static List<Field> fields(String... specs) {
		return Arrays.stream(specs)
			.map(spec -> new Field(spec.replaceAll("[*!]", ""), spec.contains("*"), spec.contains("!")))
			.toList();
	}

	/** Field values in order; numbers stay numbers (for JSON), lists stay lists. */
	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private static String[] formValues(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toArray(String[]::new);
		}
		return new String[] { String.valueOf(value) };
	}

	private String json(Map<String, Object> values) {
		return values.entrySet()
			.stream()
			.map(e -> hostile.jsonString(e.getKey()) + ":" + jsonValue(e.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

	private String jsonValue(Object value) {
		if (value instanceof Json json) {
			return json.json();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(this::jsonValue).collect(Collectors.joining(",", "[", "]"));
		}
		return Objects.isNull(value) ? "null" : hostile.jsonString(String.valueOf(value));
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	private static String stackHead(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return Arrays.stream(cause.getStackTrace()).limit(6).map(String::valueOf).collect(Collectors.joining(" < "));
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getName() + ": " + abbreviate(String.valueOf(cause.getMessage()));
	}

	private static String abbreviate(String value) {
		String escaped = value.chars()
			.mapToObj(c -> c < 0x20 || c >= 0x7f && c < 0xa0 || Character.isSurrogate((char) c) || c >= 0x2000 && c < 0x2070
					? String.format("\\u%04x", c) : String.valueOf((char) c))
			.collect(Collectors.joining());
		return escaped.length() > 160 ? escaped.substring(0, 160) + "…(" + value.length() + " chars)" : escaped;
	}

	/** Every line of the body is a JSON object on its own. */
	private static boolean jsonLines(String body) {
		for (String line : body.split("\n")) {
			try {
				if (!JSON_LINES.readTree(line).isObject()) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				return false;
			}
		}
		return true;
	}

}
