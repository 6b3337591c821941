package org.fugitivetracker.fugitive;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.fugitivetracker.common.Violation;
import org.fugitivetracker.web.AdminApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Adding and removing external identifiers through the API (ADMIN); reading them is the read
 * API's ({@code GET /api/v1/fugitives/{id}/identifiers}). A number another person holds is a 409
 * problem naming them; other refusals are the write API's 400, 404 problems.
 */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Identifiers")
class IdentifierApiController {

	static final URI HELD_BY_ANOTHER = URI.create("urn:fugitive-tracker:problem:held-by-another");

	private final IdentifierRegistry registry;

	private final MessageSource messages;

	IdentifierApiController(IdentifierRegistry registry, MessageSource messages) {
		this.registry = registry;
		this.messages = messages;
	}

	@PostMapping(path = "/api/v1/fugitives/{id}/identifiers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add an external identifier to a fugitive, with its source",
			description = "scheme is INTERPOL_RED_NOTICE, NATIONAL_WANTED_NOTICE, PASSPORT or NATIONAL_ID; value may "
					+ "be left out only for a notice whose number is not published; issuingCountry (ISO 3166-1 "
					+ "alpha-2) is required but for an Interpol notice. Name an existing source (sourceId) or a new "
					+ "one (sourceTitle and sourceUrl), and quote it.")
	@ApiResponse(responseCode = "201", description = "Stored; the identifier as stored")
	@ApiResponse(responseCode = "400", description = "Invalid input: a problem with the field errors")
	@ApiResponse(responseCode = "404", description = "No such fugitive")
	@ApiResponse(responseCode = "409", description = "Another person holds the number: a problem whose holder "
			+ "property names them")
	ResponseEntity<IdentifierView> add(@PathVariable long id, @Valid @RequestBody IdentifierForm form) {
		IdentifierView added = registry.add(id, form);
		return ResponseEntity.created(URI.create("/api/v1/fugitives/" + id + "/identifiers")).body(added);
	}

	@DeleteMapping("/api/v1/identifiers/{id}")
	@Operation(summary = "Remove an external identifier (the audit trail keeps it)",
			description = "A script using HTTP Basic sends Content-Type: application/json (no body needed) and no CSRF "
					+ "token, as for every write of the API.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such identifier")
	ResponseEntity<Void> remove(@PathVariable long id) {
		registry.remove(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(HeldByAnotherException.class)
	ResponseEntity<ProblemDetail> heldByAnother(HeldByAnotherException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		Holder holder = ex.getHolder();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage("admin.api.heldByAnother.detail", new Object[] { holder.name() }, locale));
		problem.setType(HELD_BY_ANOTHER);
		problem.setTitle(messages.getMessage("admin.api.heldByAnother", null, locale));
		problem.setProperty("errors", errors(ex.getViolations(), locale));
		Map<String, Object> named = new LinkedHashMap<>();
		named.put("id", holder.id());
		named.put("name", holder.name());
		named.put("nativeName", holder.nativeName());
		named.put("href", "/api/v1/fugitives/" + holder.id());
		problem.setProperty("holder", named);
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private List<Map<String, Object>> errors(List<Violation> violations, Locale locale) {
		return violations.stream().map(violation -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", violation.field());
			error.put("code", violation.code());
			error.put("message", messages.getMessage(violation.code(), violation.args(), violation.code(), locale));
			return error;
		}).toList();
	}

}
