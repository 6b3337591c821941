package org.fugitivetracker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fugitivetracker.asset.TransferChannel;
import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.casefile.CaseStatus;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.junit.jupiter.api.Test;

/** Every admin label exists in English and Chinese, and every key the code or a template uses exists. */
class AdminMessagesTest {

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(admin\\.[A-Za-z0-9_.]+)");

	static final Pattern JAVA_KEY = Pattern.compile("[\"{](admin\\.[A-Za-z0-9_.]*[A-Za-z0-9_])[\"}]");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("admin_zh_CN").stringPropertyNames()).isEqualTo(load("admin").stringPropertyNames());
	}

	@Test
	void everyKeyUsedExists() throws IOException {
		Set<String> keys = load("admin").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		for (Path root : new Path[] { Path.of("src/main/resources/templates"), Path.of("src/main/java") }) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Matcher matcher = (file.toString().endsWith(".html") ? TEMPLATE_KEY : JAVA_KEY)
						.matcher(Files.readString(file));
					while (matcher.find()) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		// Keys built from an enum's names.
		addAll(used, "admin.eventType.", EventType.values());
		addAll(used, "admin.status.", FugitiveStatus.values());
		addAll(used, "admin.case.status.", CaseStatus.values());
		addAll(used, "admin.case.role.", CaseParticipant.Role.values());
		addAll(used, "admin.asset.qualifier.", Qualifier.values());
		addAll(used, "admin.asset.channel.", TransferChannel.values());
		for (String type : new String[] { "Fugitive", "Event", "Citation", "Source", "CaseFile", "AssetTransfer",
				"FugitivePhoto", "ExternalIdentifier", "ListMembership" }) {
			used.add("admin.audit.entity." + type);
		}
		for (String type : new String[] { "ADD", "MOD", "DEL" }) {
			used.add("admin.audit.revisionType." + type);
		}
		used.removeIf(key -> key.endsWith("."));
		assertThat(keys).containsAll(used);
	}

	private static void addAll(Set<String> used, String prefix, Enum<?>[] values) {
		Arrays.stream(values).forEach(value -> used.add(prefix + value.name()));
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AdminMessagesTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
