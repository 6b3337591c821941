package org.fugitivetracker.audit;

/** A value as the trail shows it: its text in the reader's language, and the page it links to (or null). */
public record Shown(String text, String link) {

	static Shown text(String text) {
		return new Shown(text, null);
	}

}
