package org.fugitivetracker.fugitive;

import java.net.URI;
import java.util.Locale;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Adding and editing fugitives through the API (ADMIN). Reading them is the read API's
 * ({@code GET /api/v1/fugitives/{id}}), which the {@code Location} header points to.
 */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class FugitiveWriteApiController {

	/** What a write returns: the fugitive as stored, with the version for the next write. */
	record Written(long id, String name, String nativeName, String status, String fled, long version) {

		static Written of(FugitiveSummary fugitive) {
			return new Written(fugitive.id(), fugitive.name(), fugitive.nativeName(), fugitive.status().name(),
					fugitive.fled() == null ? null : fugitive.fled().iso(), fugitive.version());
		}

	}

	static final URI LIKELY_DUPLICATE = URI.create("urn:fugitive-tracker:problem:likely-duplicate");

	private final FugitiveEditor editor;

	private final MessageSource messages;

	FugitiveWriteApiController(FugitiveEditor editor, MessageSource messages) {
		this.editor = editor;
		this.messages = messages;
	}

	@PostMapping("/api/v1/fugitives")
	@Operation(summary = "Add a fugitive", description = "Adds a fugitive citing a source. Unless "
			+ "confirmDuplicate=true, a person who may already be recorded is refused with 409 and nothing is stored: the problem's "
			+ "\"candidates\" list each person they may be (id, name, nativeName, matchedField, matchedSpelling, "
			+ "givenSpelling, score). A candidate has a name, native name, romanised name or alias at least "
			+ DuplicateCandidates.THRESHOLD + " alike (pg_trgm similarity; case, accents, tone marks and spaces "
			+ "ignored) to one of the new person's, or holds one of their external identifiers. Send the request "
			+ "again with confirmDuplicate=true to add them anyway.")
	@ApiResponse(responseCode = "201", description = "Added")
	@ApiResponse(responseCode = "409", description = "May be someone already recorded (see candidates); nothing stored")
	ResponseEntity<Written> create(@Valid @RequestBody FugitiveRequest request,
			@Parameter(description = "true: add the person even if they may be someone already recorded")
			@RequestParam(defaultValue = "false") boolean confirmDuplicate, Authentication user) {
		FugitiveSummary created = editor.create(request, user.getName(), confirmDuplicate);
		return ResponseEntity.created(URI.create("/api/v1/fugitives/" + created.id())).body(Written.of(created));
	}

	@ExceptionHandler(LikelyDuplicateException.class)
	ResponseEntity<ProblemDetail> likelyDuplicate(LikelyDuplicateException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage("admin.api.likelyDuplicate.detail", null, locale));
		problem.setType(LIKELY_DUPLICATE);
		problem.setTitle(messages.getMessage("admin.api.likelyDuplicate", null, locale));
		problem.setProperty("candidates", ex.getCandidates());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@PutMapping("/api/v1/fugitives/{id}")
	Written update(@PathVariable long id, @Valid @RequestBody FugitiveRequest request, Authentication user) {
		return Written.of(editor.update(id, request, user.getName()));
	}

}
