package org.fugitivetracker.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fugitivetracker.common.EditConflictException;
import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.web.RecordNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The write API's errors as problem details ({@code application/problem+json}): 400 with the
 * field errors for invalid input (the same rules and messages as the forms), 404 for an unknown
 * id, 409 when the record changed since the version the client sent (or changed first in a race
 * for the same version). The controllers let these exceptions through. Never a stack trace.
 */
@RestControllerAdvice(annotations = AdminApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiExceptionHandler extends ResponseEntityExceptionHandler {

	static final URI INVALID = URI.create("urn:fugitive-tracker:problem:invalid-input");

	static final URI CONFLICT = URI.create("urn:fugitive-tracker:problem:edit-conflict");

	static final URI NOT_FOUND = URI.create("urn:fugitive-tracker:problem:not-found");

	private final MessageSource messages;

	private final LostRaces lostRaces;

	AdminApiExceptionHandler(MessageSource messages, LostRaces lostRaces) {
		this.messages = messages;
		this.lostRaces = lostRaces;
	}

	@ExceptionHandler(InvalidRecordException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRecordException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Violation violation : ex.getViolations()) {
			errors.add(error(violation.field(), violation.code(),
					messages.getMessage(violation.code(), violation.args(), violation.code(), locale)));
		}
		return ResponseEntity.badRequest().body(invalidProblem(errors, locale));
	}

	@ExceptionHandler(EditConflictException.class)
	ResponseEntity<ProblemDetail> conflict(EditConflictException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages
			.getMessage(FormErrors.conflictCode(ex), FormErrors.conflictArgs(ex), locale));
		problem.setType(CONFLICT);
		problem.setTitle(messages.getMessage("admin.api.conflict", null, locale));
		problem.setProperty("currentVersion", ex.getCurrentVersion());
		problem.setProperty("changedBy", ex.getChangedBy());
		problem.setProperty("changedAt", ex.getChangedAt() == null ? null : ex.getChangedAt().toString());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lostRace(ObjectOptimisticLockingFailureException ex) {
		return conflict(lostRaces.explain(ex));
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(RecordNotFoundException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle(messages.getMessage("admin.api.notFound", null, locale));
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/** Bean Validation of the body: the same messages as the forms show. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(error(error.getField(), error.getCode(), messages.getMessage(error, locale)));
		}
		for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
			errors.add(error(null, error.getCode(), messages.getMessage(error, locale)));
		}
		return ResponseEntity.badRequest().body(invalidProblem(errors, locale));
	}

	/**
	 * A parameter that is no value of its type ({@code sourceId=abc}, {@code dryRun=maybe}): a field
	 * error like any other, naming the parameter, instead of Spring's untranslated sentence.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, Object>> errors = List.of(error(ex.getPropertyName(), "typeMismatch",
				messages.getMessage("typeMismatch", null, locale)));
		return ResponseEntity.badRequest().body(invalidProblem(errors, locale));
	}

	private ProblemDetail invalidProblem(List<Map<String, Object>> errors, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("admin.api.invalid.detail", null, locale));
		problem.setType(INVALID);
		problem.setTitle(messages.getMessage("admin.api.invalid", null, locale));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, Object> error(String field, String code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("code", code);
		error.put("message", message);
		return error;
	}

}
