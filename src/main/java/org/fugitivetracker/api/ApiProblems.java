package org.fugitivetracker.api;

import java.util.Locale;

import org.fugitivetracker.fugitive.InvalidFilterException;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of {@code /api/v1} as RFC 9457 problem details ({@code application/problem+json}): a
 * wrong parameter is a 400 whose {@code detail} names it (and {@code parameter} holds its name),
 * an unknown id a 404; Spring MVC's own errors (a non-numeric id, a wrong method ...) come out
 * the same way through {@link ResponseEntityExceptionHandler}. Only the API's controllers are
 * advised: the pages keep the product's HTML error page.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidFilterException.class)
	ResponseEntity<ProblemDetail> invalidParameter(InvalidFilterException ex, Locale locale) {
		return problem(ex.toProblem(messages, locale));
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(RecordNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
