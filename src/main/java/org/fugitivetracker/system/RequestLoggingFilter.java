package org.fugitivetracker.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, as key=value pairs: method, path, status, duration and user. Each
 * request carries an id: the caller's {@code X-Request-Id} if it is a plain token (so a load
 * balancer's id follows the request), otherwise a new UUID. The id is echoed in the response and
 * kept in the logging context ({@code requestId}) for every line the request writes; the console
 * pattern shows it, and structured (JSON) logging includes it as a field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLoggingFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	/** What a caller's id may look like; anything else (spaces, line breaks, 200 characters) is replaced. */
	private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Logger log = LoggerFactory.getLogger(RequestLoggingFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String requestId = given != null && ACCEPTED_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
		MDC.put(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			int status = failed && !response.isCommitted() ? 500 : response.getStatus();
			String user = MDC.get("user");
			log.info("method={} path={} status={} durationMs={} user={}", request.getMethod(), request.getRequestURI(),
					status, (System.nanoTime() - start) / 1_000_000, user == null ? "-" : user);
			MDC.remove(MDC_KEY);
			MDC.remove("user");
		}
	}

}
