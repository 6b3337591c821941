package org.fugitivetracker.fugitive;

import java.net.URI;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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

	private final FugitiveEditor editor;

	FugitiveWriteApiController(FugitiveEditor editor) {
		this.editor = editor;
	}

	@PostMapping("/api/v1/fugitives")
	ResponseEntity<Written> create(@Valid @RequestBody FugitiveRequest request, Authentication user) {
		FugitiveSummary created = editor.create(request, user.getName());
		return ResponseEntity.created(URI.create("/api/v1/fugitives/" + created.id())).body(Written.of(created));
	}

	@PutMapping("/api/v1/fugitives/{id}")
	Written update(@PathVariable long id, @Valid @RequestBody FugitiveRequest request, Authentication user) {
		return Written.of(editor.update(id, request, user.getName()));
	}

}
