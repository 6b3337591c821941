package org.fugitivetracker.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** The longest lock the page will state; anything else in {@code ?locked=} is ignored. */
	private static final int MAX_LOCK_MINUTES = 24 * 60;

	@GetMapping("/login")
	String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
		if (locked != null) {
			model.addAttribute("lockedMinutes", minutes(locked));
		}
		return "security/login";
	}

	/** Minutes from the redirect after a locked login; the value is only shown, so anything odd becomes 1. */
	private static int minutes(String value) {
		if (value.length() > 4 || !value.chars().allMatch(Character::isDigit) || value.isEmpty()) {
			return 1;
		}
		return Math.max(1, Math.min(MAX_LOCK_MINUTES, Integer.parseInt(value)));
	}

}
