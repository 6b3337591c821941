package org.fugitivetracker.event;

import java.net.URI;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API for events (ADMIN): the same rules as the forms, JSON in and out, problem
 * details on errors. Every response carries the fugitive's new {@code fugitiveVersion} for the
 * next write.
 */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class EventApiController {

	private final EventRecorder recorder;

	EventApiController(EventRecorder recorder) {
		this.recorder = recorder;
	}

	@PostMapping("/api/v1/fugitives/{id}/events")
	ResponseEntity<EventRecord> record(@PathVariable long id, @Valid @RequestBody EventForm form,
			Authentication user) {
		EventRecord recorded = recorder.record(id, form, user.getName());
		return ResponseEntity.created(URI.create("/api/v1/events/" + recorded.id())).body(recorded);
	}

	@GetMapping("/api/v1/events/{id}")
	EventRecord find(@PathVariable long id) {
		return recorder.find(id);
	}

	@PutMapping("/api/v1/events/{id}")
	EventRecord correct(@PathVariable long id, @Valid @RequestBody EventCorrectionForm form, Authentication user) {
		return recorder.correct(id, form, user.getName());
	}

	/** Deleting needs a reason and the fugitive's version, in the JSON body. */
	@DeleteMapping("/api/v1/events/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @Valid @RequestBody EventDeletionForm form,
			Authentication user) {
		recorder.delete(id, form, user.getName());
		return ResponseEntity.noContent().build();
	}

}
