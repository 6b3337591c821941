package org.fugitivetracker.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layout's language links ({@code @languageLinks}): the address the reader is on, with its
 * path and every query parameter kept and only {@code lang} replaced, so switching language keeps
 * a filter. On an error page the link is to the address that failed, not to {@code /error}. A
 * bean rather than a model attribute, so that pages rendered by exception handlers and the error
 * controller have the links too.
 */
@Component("languageLinks")
public class LanguageLinks {

	/** The current address in the language {@code en} or {@code zh-CN}: path-absolute, not yet HTML-escaped. */
	public String to(String languageTag) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String failed = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		// Only the container's error dispatch is for /error; an exception handler's page (which
		// has the same attribute) is still the request's own address, with its query.
		if (request.getDispatcherType() == DispatcherType.ERROR && failed != null) {
			return link(failed, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING), languageTag);
		}
		return link(request.getRequestURI(), request.getQueryString(), languageTag);
	}

	/** {@code path} and {@code query} as the request gives them (still percent-encoded). */
	static String link(String path, String query, String languageTag) {
		// One leading slash: "//host/…" would be a link to another site.
		String ownPath = "/" + path.replaceFirst("^/+", "");
		return UriComponentsBuilder.fromPath(ownPath)
			.query(query)
			.replaceQueryParam("lang", languageTag)
			.build()
			.toUriString();
	}

}
