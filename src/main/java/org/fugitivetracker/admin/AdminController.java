package org.fugitivetracker.admin;

import org.fugitivetracker.event.EventRecorder;
import org.fugitivetracker.fugitive.FugitiveEditor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The admin's starting points: the list of tools, and one page per fugitive with every write about them. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

	private final FugitiveEditor fugitives;

	private final EventRecorder events;

	AdminController(FugitiveEditor fugitives, EventRecorder events) {
		this.fugitives = fugitives;
		this.events = events;
	}

	@GetMapping("/admin")
	String home() {
		return "admin/index";
	}

	@GetMapping("/fugitives/{id}/manage")
	String manageFugitive(@PathVariable long id, Model model) {
		model.addAttribute("fugitive", fugitives.summary(id));
		model.addAttribute("events", events.eventsOf(id));
		return "admin/fugitive";
	}

}
