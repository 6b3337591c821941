package org.fugitivetracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests over real HTTP: keeps cookies (per host, not per port, exactly like a
 * browser, so one HttpBrowser talking to two instances on localhost is one user behind a load
 * balancer), never follows redirects, and fills in the CSRF token of the last page it saw. It
 * logs in through {@link TestLogin#logIn(HttpBrowser, String, String, String)}.
 */
public final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Duration timeout;

	private String csrfToken;

	public HttpBrowser() {
		this(Duration.ofSeconds(20));
	}

	/** A browser whose requests may each take up to {@code timeout} (bursts on a loaded machine take longer). */
	public HttpBrowser(Duration timeout) {
		this.timeout = timeout;
	}

	/** Sends the header with every request from now on (e.g. {@code X-Forwarded-For}, as a proxy would). */
	public HttpBrowser header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String url) {
		return get(url, "text/html");
	}

	public HttpResponse<String> get(String url, String accept) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
	}

	public HttpResponse<String> post(String url, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrfToken != null) {
			fields.putIfAbsent("_csrf", csrfToken);
		}
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			headers.forEach(request::header);
			HttpResponse<String> response = client.send(request.timeout(timeout).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			csrfToken(response.body()).ifPresent(token -> csrfToken = token);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The CSRF token of the page's form, if it has one. */
	public static Optional<String> csrfToken(String html) {
		Matcher token = CSRF.matcher(html);
		return token.find() ? Optional.of(token.group(1)) : Optional.empty();
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Sets a cookie as if the site at {@code url} had (e.g. one planted by an attacker). */
	public void plantCookie(String url, String name, String value) {
		try {
			cookies.put(URI.create(url), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
	}

}
