package org.fugitivetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** The longest lock the page will state; anything else in {@code ?locked=} is ignored. */
	private static final int MAX_LOCK_MINUTES = 24 * 60;

	/** {@code ?wait=} is only used under a minute (see {@link RetryAfter}). */
	private static final int MAX_WAIT_SECONDS = 59;

	@GetMapping("/login")
	String login(@RequestParam(name = "locked", required = false) String locked,
			@RequestParam(name = "wait", required = false) String wait, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		// after a failed login, the name that was typed (the password field stays empty)
		model.addAttribute("username", LoginNameCookie.recall(request, response));
		if (locked != null) {
			model.addAttribute("lockedMinutes", bounded(locked, MAX_LOCK_MINUTES));
		}
		else if (wait != null) {
			model.addAttribute("waitSeconds", bounded(wait, MAX_WAIT_SECONDS));
		}
		return "security/login";
	}

	/** A number from the redirect after a throttled login; it is only shown, so anything odd becomes 1. */
	private static int bounded(String value, int max) {
		if (value.length() > 4 || !value.chars().allMatch(Character::isDigit) || value.isEmpty()) {
			return 1;
		}
		return Math.max(1, Math.min(max, Integer.parseInt(value)));
	}

}
