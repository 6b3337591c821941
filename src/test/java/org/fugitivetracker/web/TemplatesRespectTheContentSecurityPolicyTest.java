package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows only the application's own script and style files, so a
 * template with an inline script, an event handler attribute or a style attribute would silently
 * break in the browser. This finds them before a browser does.
 */
class TemplatesRespectTheContentSecurityPolicyTest {

	private static final List<Pattern> FORBIDDEN = List.of(
			Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<style[\\s>]", Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

	@Test
	void noTemplateHasInlineScriptsHandlersOrStyles() throws IOException {
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			List<Path> html = files.filter(file -> file.toString().endsWith(".html")).toList();
			assertThat(html).isNotEmpty();
			for (Path file : html) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				for (Pattern forbidden : FORBIDDEN) {
					assertThat(forbidden.matcher(text).find()).as(file + " contains " + forbidden).isFalse();
				}
			}
		}
	}

}
