package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TallyChecks;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The import as an admin uses it: upload, a preview that stores nothing and names every row's fate
 * with its line, then a confirmation that writes all of it in one audited revision, or nothing.
 */
@IntegrationTest
class ImportTest {

	static final String HEADER = "name,native_name,destination_countries,former_position,fled,source_url,"
			+ "source_title,source_quote\n";

	static final String SOURCE = "https://example.org/test-import-list";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestRecords records;

	@Test
	void thePreviewStoresNothingAndTheConfirmationWritesTheAcceptedRowsInOneRevision() {
		String csv = HEADER
				+ "Test Import One,,US,Deputy mayor,2010-05," + SOURCE + ",Test list,\"One, deputy mayor, fled 2010\"\n"
				+ "Huáng Yùróng,,US,,," + SOURCE + ",Test list,Huang again\n"
				+ ",,CA,,," + SOURCE + ",Test list,no name\n"
				+ "Test Import Two,,CA,,2012," + SOURCE + ",Test list,Two\n";
		long id = upload("test-import.csv", csv);

		assertThat(mvc.get().uri("/admin/import/{id}", id).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("id=\"count-create\">2<", "id=\"count-duplicates\">1<", "id=\"count-refused\">1<",
					"Huang Yurong", "Fill this in.", "Import 2 new people")
			.containsPattern("(?s)<th scope=\"row\" class=\"num\">4</th>.*Fill this in");
		assertThat(people("Test Import %")).as("nothing stored by the preview").isZero();

		assertThat(confirm(id, false)).hasStatusOk().bodyText().contains("People added: 2", "Test Import One",
				"Test Import Two");
		assertThat(people("Test Import %")).isEqualTo(2);
		assertThat(jdbc.queryForList("""
				SELECT status, destinations, count(*) FROM fugitive GROUP BY 1, 2
				EXCEPT SELECT status, destinations, fugitives FROM fugitive_facet_count WHERE fugitives > 0"""))
			.as("the facet counts, added once at the import's end, agree with the people")
			.isEmpty();
		assertThat(TallyChecks.tallied(jdbc)).as("and so do the tallies").isEqualTo(TallyChecks.counted(jdbc));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM fugitive WHERE name = 'Huáng Yùróng'", Long.class))
			.as("the likely duplicate is skipped")
			.isZero();
		assertThat(jdbc.queryForList("""
				SELECT DISTINCT r.username || ' / ' || r.reason
				FROM fugitive_aud a JOIN audit_revision r ON r.id = a.rev
				JOIN fugitive f ON f.id = a.id WHERE f.name LIKE 'Test Import %'""", String.class))
			.as("one revision, with the uploader and the file")
			.singleElement()
			.asString()
			.startsWith(TestLogin.ADMIN.username() + " / Import of \"test-import.csv\"");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM source WHERE url = ?", Long.class, SOURCE))
			.as("a source named by every row is recorded once")
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				SELECT c.quote FROM citation c JOIN fugitive f ON f.id = c.fugitive_id
				WHERE f.name = 'Test Import One'""", String.class)).isEqualTo("One, deputy mayor, fled 2010");

		assertThat(confirm(id, false)).as("a second confirmation writes nothing twice")
			.hasStatus(409)
			.bodyText()
			.contains("already imported");
		assertThat(people("Test Import %")).isEqualTo(2);
	}

	@Test
	void aFileOfSeveralBatchesIsOneRevisionInWhichEveryWrittenRowIsAuditedOnceAsAdded() {
		int rows = Importer.BATCH * 2 + 50;
		StringBuilder csv = new StringBuilder("name,destination_countries,fled,aliases,offences,source_url,"
				+ "source_title\n");
		Random random = new Random(rows);
		for (int i = 0; i < rows; i++) {
			csv.append("Test Import ").append(word(random)).append(",US;CA,2011,").append(word(random)).append(';')
				.append(word(random)).append(",Bribery,").append(SOURCE).append(",Test list\n");
		}
		long id = upload("batches.csv", csv.toString());
		assertThat(confirm(id, false)).hasStatusOk().bodyText().contains("People added: " + rows);

		List<Long> revisions = jdbc.queryForList("""
				SELECT DISTINCT a.rev FROM fugitive_aud a JOIN fugitive f ON f.id = a.id
				WHERE f.name LIKE 'Test Import %'""", Long.class);
		assertThat(revisions).as("one revision for the whole file").hasSize(1);
		long revision = revisions.get(0);
		assertThat(jdbc.queryForObject("SELECT username || ' / ' || reason FROM audit_revision WHERE id = ?",
				String.class, revision)).startsWith(TestLogin.ADMIN.username() + " / Import of \"batches.csv\"");
		// Each table's rows written by the import, against its audit rows in the import's revision.
		String people = "(SELECT id FROM fugitive WHERE name LIKE 'Test Import %')";
		assertThat(audited("fugitive", "id IN " + people, revision)).isEqualTo(List.of(rows, rows, rows));
		assertThat(audited("fugitive_alias", "fugitive_id IN " + people, revision))
			.isEqualTo(List.of(2 * rows, 2 * rows, 2 * rows));
		assertThat(audited("fugitive_destination", "fugitive_id IN " + people, revision))
			.isEqualTo(List.of(2 * rows, 2 * rows, 2 * rows));
		assertThat(audited("fugitive_offence", "fugitive_id IN " + people, revision))
			.isEqualTo(List.of(rows, rows, rows));
		assertThat(audited("citation", "fugitive_id IN " + people, revision).get(0)).isGreaterThanOrEqualTo(rows);
		assertThat(audited("citation", "fugitive_id IN " + people, revision)).as("every citation audited once")
			.allMatch(count -> count.equals(audited("citation", "fugitive_id IN " + people, revision).get(0)));
		assertThat(audited("source", "url = '" + SOURCE + "'", revision)).isEqualTo(List.of(1, 1, 1));
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM fugitive f JOIN fugitive_aud a ON a.id = f.id AND a.rev = ?
				WHERE f.name LIKE 'Test Import %'
				AND (a.name, a.status, a.fled_date) IS DISTINCT FROM (f.name, f.status, f.fled_date)""",
				Long.class, revision)).as("each audit row is the person as written").isZero();
		assertThat(jdbc.queryForList("SELECT entity_name FROM audit_revision_entity WHERE revision_id = ?",
				String.class, revision))
			.as("the revision says which kinds of record it changed")
			.anyMatch(name -> name.endsWith(".Fugitive"))
			.anyMatch(name -> name.endsWith(".Source"))
			.anyMatch(name -> name.endsWith(".Citation"));
	}

	@Test
	void aRowTheDatabaseRefusesAtTheEndUndoesTheWholeImport() {
		jdbc.execute("""
				CREATE OR REPLACE FUNCTION test_refuse_last_row() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.name = 'Test Import Last Row' THEN RAISE EXCEPTION 'refused by the test'; END IF;
				  RETURN NEW;
				END $$""");
		jdbc.execute("CREATE TRIGGER test_refuse_last_row BEFORE INSERT ON fugitive FOR EACH ROW "
				+ "EXECUTE FUNCTION test_refuse_last_row()");
		try {
			String csv = HEADER + "Test Import First Row,,US,,," + SOURCE + ",Test list,first\n"
					+ "Test Import Second Row,,US,,," + SOURCE + ",Test list,second\n"
					+ "Test Import Last Row,,US,,," + SOURCE + ",Test list,last\n";
			long id = upload("last-row.csv", csv);
			assertThat(confirm(id, false)).hasStatus(422)
				.bodyText()
				.contains("Nothing was imported", "Line 4: The database refused this row");
			assertThat(people("Test Import %")).as("all or nothing").isZero();
			assertThat(jdbc.queryForObject("SELECT count(*) FROM source WHERE url = ?", Long.class, SOURCE)).isZero();
			assertThat(jdbc.queryForObject("SELECT imported_at IS NULL FROM import_upload WHERE id = ?", Boolean.class,
					id)).isTrue();
		}
		finally {
			jdbc.execute("DROP TRIGGER test_refuse_last_row ON fugitive");
			jdbc.execute("DROP FUNCTION test_refuse_last_row()");
		}
	}

	@Test
	void twoConfirmationsAtOnceWriteTheFileOnce() throws Exception {
		long id = upload("twice.csv", HEADER + "Test Import Twice,,US,,," + SOURCE + ",Test list,twice\n");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Callable<Integer> confirmation = () -> {
				start.await();
				return confirm(id, false).getMvcResult().getResponse().getStatus();
			};
			answers.add(pool.submit(confirmation));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
		assertThat(people("Test Import Twice")).isEqualTo(1);
	}

	@Test
	void theApiPreviewsByDefaultWritesOnRequestAndRefusesAnUnusableFileWithAProblem() {
		String csv = HEADER + "Test Import Api,,US,,," + SOURCE + ",Test list,api\n" + ",,CA,,,,,\n";
		assertThat(api("api.csv", csv, null).with(TestLogin.ADMIN.httpBasic()).header("X-Requested-With", "test"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				json.assertThat().extractingPath("$.dryRun").isEqualTo(true);
				json.assertThat().extractingPath("$.toCreate").isEqualTo(1);
				json.assertThat().extractingPath("$.refused").isEqualTo(1);
				json.assertThat().extractingPath("$.refusedRows[0].line").isEqualTo(3);
			});
		assertThat(people("Test Import Api")).isZero();

		assertThat(api("api.csv", csv, "false").with(TestLogin.ADMIN.httpBasic()).header("X-Requested-With", "test"))
			.hasStatus(201)
			.bodyJson()
			.satisfies(json -> json.assertThat()
				.extractingPath("$.createdPeople[0].name")
				.isEqualTo("Test Import Api"));
		assertThat(people("Test Import Api")).isEqualTo(1);

		assertThat(api("empty.csv", "", null).with(TestLogin.ADMIN.httpBasic()).header("X-Requested-With", "test"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Choose a file to import.");
		assertThat(api("api.csv", csv, "false").with(TestLogin.ADMIN.httpBasic()))
			.as("a form a browser could send cross-site, with cached credentials: the CSRF token is needed")
			.hasStatus(403);
		assertThat(api("api.csv", csv, null).with(TestLogin.ANALYST.httpBasic()).header("X-Requested-With", "test"))
			.hasStatus(403);
	}

	private long upload(String fileName, String content) {
		MvcTestResult uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/admin/import")
			.file(new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(TestLogin.ADMIN));
		assertThat(uploaded).hasStatus(302);
		String location = uploaded.getMvcResult().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MvcTestResult confirm(long id, boolean createDuplicates) {
		return mvc.post()
			.uri("/admin/import/{id}", id)
			.param("createDuplicates", String.valueOf(createDuplicates))
			.with(csrf())
			.with(TestLogin.ADMIN)
			.exchange();
	}

	private MockMvcTester.MockMultipartMvcRequestBuilder api(String fileName, String content, String dryRun) {
		MockMvcTester.MockMultipartMvcRequestBuilder request = mvc.post()
			.multipart()
			.uri("/api/v1/imports")
			.file(new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
		if (dryRun != null) {
			request.param("dryRun", dryRun);
		}
		return request;
	}

	/**
	 * Of a table's rows matching {@code condition}: how many there are, how many audit rows they have
	 * in the revision marked as added, and how many distinct rows those audit rows name.
	 */
	private List<Integer> audited(String table, String condition, long revision) {
		String key = table.equals("fugitive") || table.equals("source") || table.equals("citation") ? "id"
				: "(" + String.join(", ", jdbc.queryForList("""
						SELECT column_name FROM information_schema.columns
						WHERE table_name = ? AND column_name NOT IN ('rev', 'revtype') ORDER BY ordinal_position""",
						String.class, table + "_aud")) + ")";
		return List.of(
				jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + condition, Integer.class),
				jdbc.queryForObject("SELECT count(*) FROM " + table + "_aud WHERE rev = ? AND revtype = 0 AND "
						+ condition, Integer.class, revision),
				jdbc.queryForObject("SELECT count(DISTINCT " + key + ") FROM " + table + "_aud WHERE rev = ? AND "
						+ condition, Integer.class, revision));
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private long people(String namePattern) {
		return jdbc.queryForObject("SELECT count(*) FROM fugitive WHERE name LIKE ?", Long.class, namePattern);
	}

}
