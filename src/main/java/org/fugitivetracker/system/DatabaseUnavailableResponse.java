package org.fugitivetracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Writes the answer for a request that failed because PostgreSQL cannot be reached, or is busy (a
 * lock or statement timeout, no pooled connection free in time): 503 with Retry-After, a short
 * page in the reader's language saying which (or RFC 9457 problem JSON for the API), never a stack
 * trace. The page ({@code system/unavailable}) deliberately does not use the layout: the
 * layout asks who is logged in, which would read the session from the unreachable database.
 */
@Component
class DatabaseUnavailableResponse {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponse.class);

	static final String RETRY_AFTER_SECONDS = "5";

	/** Why the request could not be served: the page and the log say which. */
	enum Cause {

		UNREACHABLE("The database cannot be reached right now. Please try again in a moment.", "unreachable"),

		BUSY("The database is busy right now. Please try again in a moment.", "busy");

		private final String problem;

		private final String logged;

		Cause(String detail, String logged) {
			this.problem = """
					{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"%s"}""".formatted(detail);
			this.logged = logged;
		}

	}

	private final ObjectProvider<ThymeleafViewResolver> views;

	private final ObjectProvider<LocaleResolver> locales;

	DatabaseUnavailableResponse(ObjectProvider<ThymeleafViewResolver> views, ObjectProvider<LocaleResolver> locales) {
		this.views = views;
		this.locales = locales;
	}

	/** @return false when the response was already committed and nothing could be written */
	boolean write(HttpServletRequest request, HttpServletResponse response, Throwable failure, Cause cause)
			throws IOException {
		if (DatabaseFailures.saysNotTried(failure)) {
			// BlockedRoutes said so once when the route became blocked: no line per request
			log.debug("Database busy: {} {} not tried ({})", request.getMethod(), request.getRequestURI(),
					rootMessage(failure));
		}
		else {
			log.warn("Database {} during {} {}: {}", cause.logged, request.getMethod(), request.getRequestURI(),
					rootMessage(failure));
		}
		if (response.isCommitted()) {
			return false;
		}
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(cause.problem);
			return true;
		}
		try {
			Locale locale = locale(request);
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
			View view = views.getObject().resolveViewName("system/unavailable", locale);
			view.render(Map.of("status", 503, "busy", cause == Cause.BUSY), request, response);
		}
		catch (Exception ex) {
			log.warn("Could not render the unavailable page: {}", ex.toString());
			if (!response.isCommitted()) {
				response.resetBuffer();
				response.setContentType(MediaType.TEXT_PLAIN_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write("503 Service Unavailable. Please try again in a moment.");
			}
		}
		return true;
	}

	/**
	 * The reader's language as the pages choose it: {@code ?lang=} (the page's own interceptor
	 * has not run, the request never reached it), else the remembered cookie or the browser's.
	 */
	private Locale locale(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang != null && (lang.startsWith("zh") || lang.startsWith("en"))) {
			return lang.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		}
		LocaleResolver resolver = locales.getIfAvailable();
		return resolver != null ? resolver.resolveLocale(request) : request.getLocale();
	}

	/** An API call, or a client that asks for JSON rather than a page. */
	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int lineBreak = message.indexOf('\n');
		// PostgreSQL's message goes on with "Position: …" and the like on further lines
		return root.getClass().getSimpleName() + ": " + (lineBreak < 0 ? message : message.substring(0, lineBreak));
	}

}
