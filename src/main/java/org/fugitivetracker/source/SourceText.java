package org.fugitivetracker.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The full text of a source where the application holds it: a file under {@code sources/} on the
 * classpath, named in the source's reference ("seed article 000_a7b77a9539845d0e.txt"). Only a
 * plain file name is accepted, never a path.
 */
@Component
public class SourceText {

	private static final Pattern FILE_NAME = Pattern.compile("\\b([A-Za-z0-9_-]+\\.txt)\\b");

	private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

	/** The text's paragraphs, or an empty list if the source's text is not held. */
	public List<String> paragraphs(Source source) {
		if (source.getReference() == null) {
			return List.of();
		}
		Matcher matcher = FILE_NAME.matcher(source.getReference());
		if (!matcher.find()) {
			return List.of();
		}
		return cache.computeIfAbsent(matcher.group(1), SourceText::read);
	}

	private static List<String> read(String fileName) {
		ClassPathResource resource = new ClassPathResource("sources/" + fileName);
		if (!resource.exists()) {
			return List.of();
		}
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
