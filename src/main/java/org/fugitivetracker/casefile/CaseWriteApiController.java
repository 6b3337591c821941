package org.fugitivetracker.casefile;

import java.net.URI;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Adding cases, changing their status and adding people to them through the API (ADMIN). */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class CaseWriteApiController {

	private final CaseEditor editor;

	CaseWriteApiController(CaseEditor editor) {
		this.editor = editor;
	}

	@PostMapping("/api/v1/cases")
	ResponseEntity<CaseWriteResult> create(@Valid @RequestBody CaseForm form) {
		CaseWriteResult created = editor.create(form);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/cases/{id}/status")
	CaseWriteResult changeStatus(@PathVariable long id, @Valid @RequestBody CaseStatusForm form) {
		return editor.changeStatus(id, form);
	}

	@PostMapping("/api/v1/cases/{id}/participants")
	ResponseEntity<CaseWriteResult> addParticipant(@PathVariable long id, @Valid @RequestBody ParticipantForm form) {
		CaseWriteResult changed = editor.addParticipant(id, form);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(changed);
	}

}
