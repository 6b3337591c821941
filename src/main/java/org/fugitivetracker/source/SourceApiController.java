package org.fugitivetracker.source;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Adding a source through the API (ADMIN); its id can then be cited as {@code sourceId}. */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class SourceApiController {

	private final SourceEditor editor;

	SourceApiController(SourceEditor editor) {
		this.editor = editor;
	}

	@PostMapping("/api/v1/sources")
	ResponseEntity<SourceEditor.Added> create(@Valid @RequestBody SourceForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(editor.create(form));
	}

}
