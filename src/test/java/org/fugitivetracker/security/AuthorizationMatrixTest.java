package org.fugitivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Who may do what, for every endpoint the application maps: the endpoints are read from every
 * {@link HandlerMapping} in the context (controllers, springdoc, actuator, static resources), so
 * a new endpoint fails this test until {@link #EXPECTED} says who may use it. Each (endpoint,
 * method) is requested as anonymous, INVESTIGATOR, ANALYST and ADMIN (the real accounts' own
 * authorities, through the role hierarchy), with a CSRF token, so that what is measured is
 * authorization alone:
 * <ul>
 * <li>below the minimum role, anonymous: 401 for {@code /api/**} and {@code /actuator/**}
 * (scripts), a redirect to {@code /login} for pages;</li>
 * <li>below the minimum role, signed in: 403;</li>
 * <li>at or above it: neither of those, and never a 5xx.</li>
 * </ul>
 * Writes name throwaway records and carry an empty body, so an allowed request is refused as
 * invalid (400) and no seeded row changes.
 */
@IntegrationTest
class AuthorizationMatrixTest {

	/** The least a caller needs; each role includes the ones below it (ADMIN > ANALYST > INVESTIGATOR). */
	enum Access {

		PUBLIC, INVESTIGATOR, ANALYST, ADMIN

	}

	/** The callers, least privileged first: anonymous, then the bootstrap accounts. */
	enum Caller {

		ANONYMOUS(null, Access.PUBLIC), INVESTIGATOR(TestLogin.INVESTIGATOR, Access.INVESTIGATOR),
		ANALYST(TestLogin.ANALYST, Access.ANALYST), ADMIN(TestLogin.ADMIN, Access.ADMIN);

		final TestLogin.Account account;

		final Access level;

		Caller(TestLogin.Account account, Access level) {
			this.account = account;
			this.level = level;
		}

		boolean mayUse(Access required) {
			return level.compareTo(required) >= 0;
		}

	}

	/** One request to make for an endpoint: a concrete path (null: the pattern with ids filled in) and who may. */
	record Probe(String path, Access access) {
	}

	private static final Set<RequestMethod> ANY_METHOD = EnumSet.of(RequestMethod.GET, RequestMethod.POST,
			RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

	private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	/** Version numbers in mapped paths (springdoc's webjar) are written {version}, so an upgrade changes no key. */
	private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

	/**
	 * The expectation table: "METHOD pattern" of every endpoint, with the least role that may use
	 * it. Patterns are Spring's; "*" in a static-resource pattern needs an explicit sample path.
	 */
	private static final Map<String, List<Probe>> EXPECTED = table(
			// Signing in and out (Spring Security's filters, not a handler mapping) and the error path.
			expect("GET /login", Access.PUBLIC), expect("POST /login", Access.PUBLIC),
			expect("POST /logout", Access.PUBLIC),
			expect("GET /error", Access.PUBLIC), expect("POST /error", Access.PUBLIC),
			expect("PUT /error", Access.PUBLIC), expect("PATCH /error", Access.PUBLIC),
			expect("DELETE /error", Access.PUBLIC),

			// Investigator pages.
			expect("GET /", Access.INVESTIGATOR), expect("GET /fugitives", Access.INVESTIGATOR),
			expect("GET /fugitives/{id}", Access.INVESTIGATOR), expect("GET /cases", Access.INVESTIGATOR),
			expect("GET /fugitives/{id}/photos/{photoId}", Access.INVESTIGATOR),
			expect("GET /fugitives/{id}/photos/{photoId}/thumbnail", Access.INVESTIGATOR),
			expect("GET /cases/{id}", Access.INVESTIGATOR), expect("GET /operations", Access.INVESTIGATOR),
			expect("GET /operations/{id}", Access.INVESTIGATOR), expect("GET /figures", Access.INVESTIGATOR),
			expect("GET /sources", Access.INVESTIGATOR), expect("GET /sources/{id}", Access.INVESTIGATOR),
			// Everyone signed in changes their own password.
			expect("GET /account/password", Access.INVESTIGATOR), expect("POST /account/password", Access.INVESTIGATOR),

			// The read API and its description.
			expect("GET /api/v1/fugitives", Access.INVESTIGATOR), expect("GET /api/v1/fugitives/{id}", Access.INVESTIGATOR),
			expect("GET /api/v1/cases", Access.INVESTIGATOR), expect("GET /api/v1/cases/{id}", Access.INVESTIGATOR),
			expect("GET /api/v1/figures", Access.INVESTIGATOR), expect("GET /v3/api-docs", Access.INVESTIGATOR),
			expect("GET /api/v1/fugitives/{id}/identifiers", Access.INVESTIGATOR),
			expect("GET /v3/api-docs.yaml", Access.INVESTIGATOR),
			expect("GET /v3/api-docs/swagger-config", Access.INVESTIGATOR),
			expect("GET /swagger-ui.html", Access.INVESTIGATOR),

			// Analysts export.
			expect("GET /fugitives.csv", Access.ANALYST), expect("GET /api/v1/export.ftm.json", Access.ANALYST),

			// Admin pages and forms.
			expect("GET /admin", Access.ADMIN), expect("GET /audit", Access.ADMIN),
			expect("GET /audit/revisions/{id}", Access.ADMIN, "/audit/revisions/1"),
			expect("GET /admin/users", Access.ADMIN), expect("POST /admin/users", Access.ADMIN),
			expect("GET /admin/users/{id}/password", Access.ADMIN), expect("POST /admin/users/{id}/password", Access.ADMIN),
			expect("POST /admin/users/{id}/disable", Access.ADMIN), expect("POST /admin/users/{id}/enable", Access.ADMIN),
			expect("GET /fugitives/new", Access.ADMIN),
			expect("POST /fugitives", Access.ADMIN).and(Access.ADMIN, "/fugitives?confirmDuplicate=true"),
			expect("GET /fugitives/{id}/edit", Access.ADMIN), expect("POST /fugitives/{id}/edit", Access.ADMIN),
			expect("GET /fugitives/{id}/manage", Access.ADMIN), expect("GET /fugitives/{id}/history", Access.ADMIN),
			expect("GET /fugitives/{id}/events/new", Access.ADMIN), expect("POST /fugitives/{id}/events", Access.ADMIN),
			expect("GET /events/{id}/edit", Access.ADMIN), expect("POST /events/{id}/edit", Access.ADMIN),
			expect("POST /events/{id}/delete", Access.ADMIN),
			expect("GET /fugitives/{id}/photos", Access.ADMIN), expect("POST /fugitives/{id}/photos", Access.ADMIN),
			expect("POST /fugitives/{id}/photos/{photoId}/primary", Access.ADMIN),
			expect("POST /fugitives/{id}/photos/{photoId}/delete", Access.ADMIN),
			expect("GET /cases/new", Access.ADMIN), expect("POST /cases", Access.ADMIN),
			expect("GET /cases/{id}/manage", Access.ADMIN), expect("GET /cases/{id}/history", Access.ADMIN),
			expect("POST /cases/{id}/status", Access.ADMIN), expect("POST /cases/{id}/participants", Access.ADMIN),
			expect("GET /asset-transfers/new", Access.ADMIN), expect("POST /asset-transfers", Access.ADMIN),
			expect("GET /sources/new", Access.ADMIN), expect("POST /sources", Access.ADMIN),
			expect("GET /fugitives/{id}/identifiers", Access.ADMIN), expect("POST /fugitives/{id}/identifiers", Access.ADMIN),
			expect("POST /identifiers/{id}/remove", Access.ADMIN),
			expect("GET /fugitives/{id}/wanted-lists", Access.ADMIN),
			expect("POST /fugitives/{id}/wanted-lists", Access.ADMIN),
			expect("POST /list-memberships/{id}/remove", Access.ADMIN),
			expect("GET /admin/import", Access.ADMIN), expect("POST /admin/import", Access.ADMIN),
			expect("GET /admin/import/{id}", Access.ADMIN), expect("POST /admin/import/{id}", Access.ADMIN),

			// The write API (and reading one event, which only the write API offers).
			// Confirming that a new person is not someone already recorded changes nothing of who may add one.
			expect("POST /api/v1/fugitives", Access.ADMIN).and(Access.ADMIN, "/api/v1/fugitives?confirmDuplicate=true"),
			expect("PUT /api/v1/fugitives/{id}", Access.ADMIN),
			expect("POST /api/v1/fugitives/{id}/events", Access.ADMIN), expect("GET /api/v1/events/{id}", Access.ADMIN),
			expect("PUT /api/v1/events/{id}", Access.ADMIN), expect("DELETE /api/v1/events/{id}", Access.ADMIN),
			expect("POST /api/v1/cases", Access.ADMIN), expect("PUT /api/v1/cases/{id}/status", Access.ADMIN),
			expect("POST /api/v1/cases/{id}/participants", Access.ADMIN),
			expect("POST /api/v1/asset-transfers", Access.ADMIN), expect("POST /api/v1/sources", Access.ADMIN),
			expect("POST /api/v1/fugitives/{id}/identifiers", Access.ADMIN),
			expect("DELETE /api/v1/identifiers/{id}", Access.ADMIN),
			expect("POST /api/v1/imports", Access.ADMIN),

			// Actuator: health for load balancers, the rest for admins (or scrapers with an admin account).
			expect("GET /actuator/health", Access.PUBLIC), expect("GET /actuator/health/**", Access.PUBLIC, "/actuator/health/db"),
			expect("GET /actuator", Access.ADMIN), expect("GET /actuator/prometheus", Access.ADMIN),

			// Static resources: our stylesheet is public (the login page needs it); anything else
			// served from the classpath, Swagger UI and webjars included, needs a login.
			expect("GET /**", Access.PUBLIC, "/css/app.css").and(Access.INVESTIGATOR, "/no-such-file.txt"),
			expect("GET /webjars/**", Access.INVESTIGATOR, "/webjars/swagger-ui/index.html"),
			expect("GET /swagger-ui/**", Access.INVESTIGATOR, "/swagger-ui/index.html"),
			expect("GET /swagger-ui/*swagger-initializer.js", Access.INVESTIGATOR, "/swagger-ui/swagger-initializer.js"),
			expect("GET /webjars/*swagger-ui/**", Access.INVESTIGATOR, "/webjars/swagger-ui/index.html"),
			expect("GET /webjars/*swagger-ui/*swagger-initializer.js", Access.INVESTIGATOR,
					"/webjars/swagger-ui/swagger-initializer.js"),
			expect("GET /webjars/*swagger-ui/{version}/*swagger-initializer.js", Access.INVESTIGATOR,
					"/webjars/swagger-ui/{version}/swagger-initializer.js"));

	/** Endpoints the security filters answer themselves; no handler mapping lists them. */
	private static final Set<String> FILTER_ENDPOINTS = Set.of("POST /login", "POST /logout");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyMappedEndpointAnswersEachRoleAsTheTableSays(TestRecords records) {
		Map<String, String> mapped = mappedEndpoints();
		Set<String> unexpected = new TreeSet<>(mapped.keySet());
		unexpected.removeAll(EXPECTED.keySet());
		Set<String> stale = new TreeSet<>(EXPECTED.keySet());
		stale.removeAll(mapped.keySet());
		stale.removeAll(FILTER_ENDPOINTS);
		assertThat(unexpected).as("mapped endpoints missing from the expectation table (say who may use them)")
			.isEmpty();
		assertThat(stale).as("expectations for endpoints no longer mapped (remove them)").isEmpty();

		String address = TestLogin.address();
		List<String> failures = new ArrayList<>();
		int cases = 0;
		Ids ids = new Ids(records);
		for (Map.Entry<String, List<Probe>> entry : EXPECTED.entrySet()) {
			String[] key = entry.getKey().split(" ", 2);
			HttpMethod method = HttpMethod.valueOf(key[0]);
			for (Probe probe : entry.getValue()) {
				String path = ids.fill(probe.path() != null ? probe.path() : key[1], mapped.get(entry.getKey()),
						STATE_CHANGING.contains(method));
				for (Caller caller : Caller.values()) {
					cases++;
					String failure = check(method, path, probe.access(), caller, address);
					if (failure != null) {
						failures.add(failure);
					}
				}
			}
		}
		System.out.println("AUTHORIZATION MATRIX: " + cases + " cases (" + EXPECTED.size()
				+ " endpoint x method pairs x " + Caller.values().length + " callers, some endpoints with two sample paths)");
		assertThat(failures).as("requests answered otherwise than the table says").isEmpty();
		assertThat(cases).isGreaterThanOrEqualTo(EXPECTED.size() * Caller.values().length);
	}

	/**
	 * Below the role an endpoint needs, nothing about the request changes the answer: an
	 * {@code OPTIONS} request, or an id that is not a number, is refused like the plain request
	 * (an investigator's {@code OPTIONS /audit} got 200 with {@code Allow}, and
	 * {@code GET /api/v1/events/abc} a 400 from Spring MVC before the role was checked). For
	 * {@code OPTIONS} the path needs the least role of any of its methods.
	 */
	@Test
	void theRoleIsCheckedBeforeSpringMvcReadsTheRequest() {
		Map<String, Access> optionsAccess = new TreeMap<>();
		EXPECTED.forEach((key, probes) -> {
			String pattern = key.split(" ", 2)[1];
			for (Probe probe : probes) {
				// a query names no other resource: OPTIONS is asked of the path
				String path = (probe.path() != null ? probe.path() : pattern).replaceFirst("\\?.*", "");
				optionsAccess.merge(path, probe.access(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
			}
		});
		String address = TestLogin.address();
		List<String> failures = new ArrayList<>();
		int cases = 0;
		for (Map.Entry<String, Access> entry : optionsAccess.entrySet()) {
			String path = entry.getKey();
			if (path.contains("{version}")) {
				continue;
			}
			String notANumber = path.replaceAll("\\{[^}]+}", "abc");
			for (Caller caller : Caller.values()) {
				if (caller.mayUse(entry.getValue())) {
					continue;
				}
				cases++;
				add(failures, check(HttpMethod.OPTIONS, notANumber, entry.getValue(), caller, address));
			}
		}
		for (Map.Entry<String, List<Probe>> entry : EXPECTED.entrySet()) {
			String[] key = entry.getKey().split(" ", 2);
			for (Probe probe : entry.getValue()) {
				String path = probe.path() != null ? probe.path() : key[1];
				if (!path.contains("{") || path.contains("{version}")) {
					continue;
				}
				for (Caller caller : Caller.values()) {
					if (!caller.mayUse(probe.access())) {
						cases++;
						add(failures, check(HttpMethod.valueOf(key[0]), path.replaceAll("\\{[^}]+}", "abc"),
								probe.access(), caller, address));
					}
				}
			}
		}
		System.out.println("ROLE BEFORE PARSING: " + cases + " OPTIONS and not-a-number requests below the role needed");
		assertThat(failures).as("answered before the role was checked").isEmpty();
		assertThat(cases).isGreaterThan(50);
	}

	private static void add(List<String> failures, String failure) {
		if (failure != null) {
			failures.add(failure);
		}
	}

	/** Null when the answer is as expected, else what went wrong. */
	private String check(HttpMethod method, String path, Access access, Caller caller, String address) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(path))
			.with(csrf())
			.with(TestLogin.from(address));
		if (caller.account != null) {
			UserDetails account = accounts.loadUserByUsername(caller.account.username());
			request.with(user(account));
		}
		if (STATE_CHANGING.contains(method)) {
			if (path.startsWith("/api/")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			else {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
			}
		}
		var response = mvc.perform(request).getResponse();
		int status = response.getStatus();
		String location = response.getHeader(HttpHeaders.LOCATION);
		boolean toLogin = status == 302 && location != null && location.replaceFirst("^https?://[^/]+", "").equals("/login");
		String what = method + " " + path + " as " + caller + " (needs " + access + "): " + status
				+ (location == null ? "" : " -> " + location);
		if (status >= 500) {
			return what + ": a server error";
		}
		if (caller.mayUse(access)) {
			return status == 401 || status == 403 || toLogin ? what + ": refused, but allowed" : null;
		}
		if (caller == Caller.ANONYMOUS) {
			boolean script = path.startsWith("/api/") || path.startsWith("/actuator");
			if (script) {
				return status == 401 ? null : what + ": expected 401";
			}
			return toLogin ? null : what + ": expected a redirect to /login";
		}
		return status == 403 ? null : what + ": expected 403";
	}

	/**
	 * "METHOD pattern" of every endpoint of every handler mapping, with the pattern as mapped
	 * (versions included); a mapping without methods counts as every method.
	 */
	private Map<String, String> mappedEndpoints() {
		Map<String, String> endpoints = new TreeMap<>();
		for (Map.Entry<String, HandlerMapping> bean : context.getBeansOfType(HandlerMapping.class).entrySet()) {
			HandlerMapping mapping = bean.getValue();
			if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
				for (Object key : methods.getHandlerMethods().keySet()) {
					RequestMappingInfo info = (RequestMappingInfo) key;
					Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
					for (String pattern : info.getPatternValues()) {
						for (RequestMethod verb : verbs.isEmpty() ? ANY_METHOD : verbs) {
							endpoints.put(verb.name() + " " + normalise(pattern), pattern);
						}
					}
				}
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urls) {
				// Static resources and the like answer GET (and HEAD, which behaves as GET).
				urls.getHandlerMap().keySet().forEach(pattern -> endpoints.put("GET " + normalise(pattern), pattern));
			}
			else if (mapping instanceof RouterFunctionMapping functions) {
				assertThat(functions.getRouterFunction())
					.as("functional routes cannot be listed here: map endpoints with @RequestMapping, or teach this test")
					.isNull();
			}
		}
		return endpoints;
	}

	private static String normalise(String pattern) {
		return VERSION.matcher(pattern).replaceAll("{version}");
	}

	/**
	 * Ids to put in paths: the seed's records for reading, throwaway ones for writing (so that an
	 * admin's request, even if it were accepted, changes nothing another test reads).
	 */
	private final class Ids {

		private final Map<String, Long> read = new LinkedHashMap<>();

		private final Map<String, Long> write = new LinkedHashMap<>();

		Ids(TestRecords records) {
			long fugitive = records.fugitive("Test Matrix Fugitive", "AT_LARGE");
			long caseFile = records.caseFile("Test Matrix Case", "US");
			long event = records.event("DETENTION", "2015", "US", fugitive, null, null);
			long user = jdbc.queryForObject("select id from user_account where username = ?", Long.class,
					records.account("test-matrix").username());
			// a photo of the throwaway person: read under the seed's person it is not found (404), which
			// is enough to tell who may ask; written (made primary, deleted), it changes nothing of the seed
			long photo = records.photo(fugitive, records.source("Test Matrix Photo Source"), true);
			long operation = records.operation("Test Matrix Operation", null);
			records.identifier(fugitive, "Test-Matrix-1")
				.membership(fugitive, records.wantedList("Test Matrix List", operation), null);
			long identifier = jdbc.queryForObject("select id from external_identifier where fugitive_id = ?", Long.class,
					fugitive);
			long place = jdbc.queryForObject("select id from list_membership where fugitive_id = ?", Long.class, fugitive);
			// an uploaded file: confirmed by a caller that may, it imports one throwaway person
			long upload = jdbc.queryForObject("""
					INSERT INTO import_upload (file_name, format, content, sha256, source_id, uploaded_by)
					VALUES ('matrix.csv', 'csv', convert_to('name' || chr(10) || 'Test Matrix Import' || chr(10), 'UTF8'),
					'0', ?, 'test') RETURNING id""", Long.class, records.source("Test Matrix Import Source"));
			read.put("import", upload);
			write.put("import", upload);
			read.putAll(Map.of("fugitives", 1L, "cases", 1L, "events", 2L, "operations", 1L, "sources", 1L, "users",
					user, "photos", photo));
			write.putAll(Map.of("fugitives", fugitive, "cases", caseFile, "events", event, "operations", operation,
					"sources", records.source("Test Matrix Source"), "users", user, "photos", photo, "identifiers",
					identifier, "list-memberships", place));
		}

		/** The path with {version} as mapped and each {variable} replaced by the id of the collection before it. */
		String fill(String path, String mappedPattern, boolean writing) {
			String filled = path;
			if (filled.contains("{version}")) {
				Matcher version = VERSION.matcher(mappedPattern);
				assertThat(version.find()).as(mappedPattern).isTrue();
				filled = filled.replace("{version}", version.group());
			}
			Matcher variable = Pattern.compile("/([a-z-]+)/\\{[^}]+}").matcher(filled);
			StringBuilder result = new StringBuilder();
			Function<String, Long> ids = collection -> (writing ? write : read).get(collection);
			while (variable.find()) {
				Long id = ids.apply(variable.group(1));
				assertThat(id).as("an id for /" + variable.group(1) + "/{...} in " + path).isNotNull();
				variable.appendReplacement(result, "/" + variable.group(1) + "/" + id);
			}
			variable.appendTail(result);
			return result.toString();
		}

	}

	/** An expectation: the endpoint, and one or more probes of it. */
	static final class Expectation {

		final String key;

		final List<Probe> probes = new ArrayList<>();

		Expectation(String key, Access access, String path) {
			this.key = key;
			probes.add(new Probe(path, access));
		}

		Expectation and(Access access, String path) {
			probes.add(new Probe(path, access));
			return this;
		}

	}

	private static Expectation expect(String key, Access access) {
		return new Expectation(key, access, null);
	}

	private static Expectation expect(String key, Access access, String samplePath) {
		return new Expectation(key, access, samplePath);
	}

	private static Map<String, List<Probe>> table(Expectation... expectations) {
		Map<String, List<Probe>> table = new TreeMap<>();
		for (Expectation expectation : expectations) {
			assertThat(table.put(expectation.key, List.copyOf(expectation.probes))).as("twice: " + expectation.key)
				.isNull();
		}
		return table;
	}

}
