package org.fugitivetracker.security;

import java.time.Duration;

import org.springframework.ui.Model;

/**
 * How long a throttled login must wait, as pages say it: in seconds under a minute (the
 * account-wide delay's first steps), otherwise in whole minutes, rounded up.
 */
record RetryAfter(Duration duration) {

	RetryAfter {
		duration = duration.isNegative() ? Duration.ZERO : duration;
	}

	/** For {@code Retry-After}: whole seconds, rounded up, at least 1. */
	long seconds() {
		long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

	long minutes() {
		return Math.max(1, (seconds() + 59) / 60);
	}

	boolean underAMinute() {
		return seconds() < 60;
	}

	/** For a page's message: {@code waitSeconds} under a minute, else {@code lockedMinutes}. */
	void addTo(Model model) {
		if (underAMinute()) {
			model.addAttribute("waitSeconds", seconds());
		}
		else {
			model.addAttribute("lockedMinutes", minutes());
		}
	}

	static boolean isIn(Model model) {
		return model.containsAttribute("waitSeconds") || model.containsAttribute("lockedMinutes");
	}

	/** The login page's query: {@code wait=} seconds under a minute, else {@code locked=} minutes. */
	String loginQuery() {
		return underAMinute() ? "wait=" + seconds() : "locked=" + minutes();
	}

}
