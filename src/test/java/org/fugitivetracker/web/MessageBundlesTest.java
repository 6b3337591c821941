package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle has a Chinese twin with exactly its keys, and every Chinese text is
 * Chinese: not the English text copied, and with at least one Chinese character, unless the key
 * is on the short list of values that read the same in both languages.
 */
class MessageBundlesTest {

	/** Values that are the same in both languages: an address pattern. */
	static final Set<String> SAME_IN_BOTH = Set.of("admin.source.url.hint");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?}");

	static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void everyBundleHasAChineseTwinWithTheSameKeys() throws IOException {
		List<String> bundles = bundles();
		assertThat(bundles).contains("messages", "pages", "admin", "analyst", "security");
		for (String bundle : bundles) {
			Set<String> english = load(bundle + ".properties").stringPropertyNames();
			Set<String> chinese = load(bundle + "_zh_CN.properties").stringPropertyNames();
			assertThat(difference(english, chinese)).as(bundle + ": keys missing in Chinese").isEmpty();
			assertThat(difference(chinese, english)).as(bundle + ": keys only in Chinese").isEmpty();
		}
	}

	@Test
	void everyChineseTextIsChinese() throws IOException {
		List<String> notTranslated = new ArrayList<>();
		for (String bundle : bundles()) {
			Properties english = load(bundle + ".properties");
			Properties chinese = load(bundle + "_zh_CN.properties");
			for (String key : english.stringPropertyNames()) {
				String en = english.getProperty(key);
				String zh = chinese.getProperty(key, "");
				// A pattern without words ("{0}%", "{0}, {1}") has nothing to translate.
				boolean hasWords = LATIN_WORD.matcher(PLACEHOLDER.matcher(en).replaceAll("")).find();
				if (!hasWords || SAME_IN_BOTH.contains(key)) {
					continue;
				}
				if (zh.equals(en) || !HAN.matcher(zh).find()) {
					notTranslated.add(bundle + ": " + key + "=" + zh);
				}
			}
		}
		assertThat(notTranslated).isEmpty();
	}

	@Test
	void theAllowListNamesOnlyKeysThatExist() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : bundles()) {
			keys.addAll(load(bundle + ".properties").stringPropertyNames());
		}
		assertThat(keys).containsAll(SAME_IN_BOTH);
	}

	/** The base names of the bundles: messages/pages.properties is "pages". */
	private static List<String> bundles() throws IOException {
		List<String> names = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:messages/*.properties")) {
			String file = resource.getFilename();
			if (file != null && !file.contains("_")) {
				names.add(file.substring(0, file.length() - ".properties".length()));
			}
		}
		return names;
	}

	private static Set<String> difference(Set<String> from, Set<String> minus) {
		Set<String> result = new TreeSet<>(from);
		result.removeAll(minus);
		return result;
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:messages/" + file);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
