package org.fugitivetracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body the application would fail on, before anything reads it, with the status
 * that says why and one log line (the request log's), never a stack trace:
 * <ul>
 * <li>415 for a {@code Content-Type} with a wildcard ({@code *}{@code /*}, {@code application/*}):
 * a body has one concrete type (RFC 9110, 8.3), and Spring MVC fails on such a header with an
 * exception, a 500;</li>
 * <li>413 for a body declared longer than {@code server.tomcat.max-http-form-post-size} (2 MB), the
 * limit Tomcat applies to forms, here applied to every body: the security filters read a form's
 * CSRF token before anything else, and Tomcat's refusal then came as an exception through every
 * filter and the error page (413 to the client, status=500 and two ERROR stack traces in the
 * log); a {@code multipart/form-data} body (a photo upload) may be as long as
 * {@code spring.servlet.multipart.max-request-size} (10 MB) instead, so that a photo somewhat over
 * its own limit (5 MB) reaches the form, which says so beside the file field;</li>
 * <li>the status Tomcat gives (413, or 400 for a malformed form) when a body without a declared
 * length turns out too long or unreadable while the parameters are parsed;</li>
 * <li>400 for a multipart body naming a file with a NUL in its name: Tomcat refuses to parse the
 * whole body then (with an exception, a 500 from whichever filter or controller asked for a
 * parameter first), so neither the name nor any other field can be read, let alone cleaned.</li>
 * </ul>
 * It runs inside the request log's filter (so that logs the status) and ahead of Spring Session
 * and Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class RequestBodyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyFilter.class);

	/** Methods whose requests carry no body the application reads. */
	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final long maxBodyBytes;

	private final long maxMultipartBytes;

	RequestBodyFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxBody,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxMultipart) {
		this.maxBodyBytes = maxBody.toBytes();
		this.maxMultipartBytes = maxMultipart.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!WITHOUT_BODY.contains(request.getMethod())) {
			if (hasWildcardType(request.getContentType())) {
				refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"The Content-Type of a request body must be a concrete media type such as application/json.");
				return;
			}
			long limit = isMultipart(request.getContentType()) ? maxMultipartBytes : maxBodyBytes;
			if (limit >= 0 && request.getContentLengthLong() > limit) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
						"The request body may be at most " + limit + " bytes.");
				return;
			}
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (cause(ex, InvalidFileNameException.class) != null && !response.isCommitted()) {
				log.warn("Multipart body refused: a file name with a NUL character");
				refuse(request, response, HttpStatus.BAD_REQUEST,
						"A file name may not contain control characters: rename the file and upload it again.");
				return;
			}
			InvalidParameterException invalid = cause(ex, InvalidParameterException.class);
			if (invalid == null || response.isCommitted()) {
				throw ex;
			}
			HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
			log.warn("Request body refused while reading its parameters: {}", invalid.getMessage());
			refuse(request, response, status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
					status == HttpStatus.CONTENT_TOO_LARGE ? "The request body may be at most "
							+ (isMultipart(request.getContentType()) ? maxMultipartBytes : maxBodyBytes) + " bytes."
							: "The request body could not be read.");
		}
	}

	static boolean isMultipart(String contentType) {
		return contentType != null && contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
				MediaType.MULTIPART_FORM_DATA_VALUE.length());
	}

	static boolean hasWildcardType(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false; // Spring MVC answers an unreadable Content-Type with 415 itself
		}
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		response.resetBuffer();
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			// the rest of the body is not read; the client should not send another request after it
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (DatabaseUnavailableResponse.wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("""
						{"type":"about:blank","title":"%s","status":%d,"detail":"%s"}"""
					.formatted(status.getReasonPhrase(), status.value(), detail));
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(status.value() + " " + status.getReasonPhrase() + ". " + detail);
		}
	}

}
