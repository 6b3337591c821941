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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests over real HTTP: keeps cookies (per host, not per port, exactly like a
 * browser, so one Browser talking to two instances on localhost is one user behind a load
 * balancer), never follows redirects, and fills in the CSRF token of the last page it saw.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private String csrfToken;

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

	/** Opens the login page of the instance at {@code baseUrl} and logs in; returns the answer to the POST. */
	public HttpResponse<String> logIn(String baseUrl, String username, String password) {
		get(baseUrl + "/login");
		return post(baseUrl + "/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrfToken = token.group(1);
			}
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

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
	}

}
