package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * No template shows words of its own: every text a reader sees comes from a message bundle (or
 * the data), so the Chinese pages have no English left in them. Text inside an element whose
 * content Thymeleaf replaces (th:text, th:replace…) is only the designer's placeholder.
 */
class TemplatesHaveNoFixedTextTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors",
			"th:substituteby", "th:include");

	static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
			"source", "track", "wbr");

	/** Text that is the same in every language, or never rendered. */
	static final Set<String> ALLOWED = Set.of(
			// The language switch names each language in that language.
			"fragments/layout.html: English",
			// The head titles of fragment libraries: only their fragments are ever rendered.
			"admin/fields.html: Admin form fields", "audit/fragments.html: Audit fragments",
			"security/fragments.html: Security fragments");

	static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");

	@Test
	void everyTextATemplateShowsComesFromTheMessages() throws IOException {
		Set<String> fixed = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
				fixed.addAll(fixedTexts(name, Files.readString(file)));
			}
		}
		fixed.removeAll(ALLOWED);
		assertThat(fixed).isEmpty();
	}

	@Test
	void theCheckFindsFixedText() throws IOException {
		String html = "<p>Fixed words</p><p th:text=\"#{a}\">Placeholder</p><input value=\"x\"><p>12</p>";
		assertThat(fixedTexts("t.html", html))
			.containsExactly("t.html: Fixed words");
	}

	private static List<String> fixedTexts(String name, String html) throws IOException {
		Set<String> found = new TreeSet<>();
		Deque<Element> open = new ArrayDeque<>();
		try {
			new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, new AbstractMarkupHandler() {

				@Override
				public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
					open.push(new Element(new String(buffer, offset, len)));
				}

				@Override
				public void handleAutoOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
					open.push(new Element(new String(buffer, offset, len)));
				}

				@Override
				public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
					if (VOID.contains(new String(buffer, offset, len).toLowerCase())) {
						open.pop();
					}
				}

				@Override
				public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized,
						int line, int col) {
					open.push(new Element(new String(buffer, offset, len)));
				}

				@Override
				public void handleStandaloneElementEnd(char[] buffer, int offset, int len, boolean minimized,
						int line, int col) {
					open.pop();
				}

				@Override
				public void handleCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
					close(new String(buffer, offset, len));
				}

				@Override
				public void handleAutoCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
					close(new String(buffer, offset, len));
				}

				@Override
				public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
						int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
						int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
					String attribute = new String(buffer, nameOffset, nameLen);
					String value = new String(buffer, valueContentOffset, valueContentLen);
					if (!open.isEmpty() && (REPLACING.contains(attribute)
							|| attribute.equals("th:remove") && Set.of("all", "body").contains(value))) {
						open.peek().replaced = true;
					}
				}

				@Override
				public void handleText(char[] buffer, int offset, int len, int line, int col) {
					String text = new String(buffer, offset, len).strip();
					boolean shown = open.stream().noneMatch(e -> e.replaced || e.name.equals("script")
							|| e.name.equals("style"));
					if (shown && WORD.matcher(text).find()) {
						found.add(name + ": " + text);
					}
				}

				private void close(String element) {
					while (!open.isEmpty() && !open.pop().name.equalsIgnoreCase(element)) {
						// Elements the markup left open end with their parent.
					}
				}

			});
		}
		catch (ParseException ex) {
			throw new IOException(name, ex);
		}
		return List.copyOf(found);
	}

	private static final class Element {

		final String name;

		boolean replaced;

		Element(String name) {
			this.name = name;
		}

	}

}
