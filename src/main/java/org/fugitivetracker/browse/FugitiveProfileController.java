package org.fugitivetracker.browse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A fugitive's profile: who, where, what happened when, what money moved, and who says so. */
@Controller
class FugitiveProfileController {

	static final String VIEW = "fugitive/detail";

	private final FugitiveProfileService profiles;

	FugitiveProfileController(FugitiveProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/fugitives/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("profile", profiles.load(id));
		return VIEW;
	}

}
