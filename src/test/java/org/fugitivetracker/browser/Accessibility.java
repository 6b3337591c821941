package org.fugitivetracker.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque's build, from the {@code com.deque.html.axe-core:selenium} jar) in the page
 * the browser shows, and answers its violations of impact serious or critical: the ones that
 * keep someone with a screen reader or a keyboard from using the page.
 */
final class Accessibility {

	static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final String AXE = load();

	private Accessibility() {
	}

	/** The blocking violations, one line each: rule, impact, help and the elements it found. */
	static List<String> blockingViolations(WebDriver driver) {
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = ((JavascriptExecutor) driver).executeAsyncScript(AXE + """
				;const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
				  .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));
				""");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
		return violations.stream()
			.filter(v -> BLOCKING.contains(String.valueOf(v.get("impact"))))
			.map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
			.collect(Collectors.toList());
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
