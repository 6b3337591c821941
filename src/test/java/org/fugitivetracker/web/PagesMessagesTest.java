package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fugitivetracker.agency.Agency;
import org.fugitivetracker.asset.TransferChannel;
import org.fugitivetracker.casefile.CaseParticipant;
import org.fugitivetracker.casefile.CaseStatus;
import org.fugitivetracker.casefile.CooperationStep;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.event.EventType;
import org.fugitivetracker.figure.FigureUnit;
import org.fugitivetracker.figure.Reconciliation;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.fugitivetracker.source.CitedSubject;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The investigator pages' labels: both languages have the same keys, every key a page template
 * names exists, and every value of the enums the pages show has a label.
 */
class PagesMessagesTest {

	static final List<String> TEMPLATES = List.of("home.html", "fugitive/detail.html", "casefile", "operation", "figure",
			"source");

	static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

	@Test
	void englishAndChineseHaveTheSameKeys() throws IOException {
		assertThat(load("messages/pages_zh_CN.properties").stringPropertyNames())
			.isEqualTo(load("messages/pages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties all = new Properties();
		all.putAll(load("messages/messages.properties"));
		all.putAll(load("messages/pages.properties"));
		// Admin forms live beside the pages they edit (casefile/form.html) and use the admin bundle.
		all.putAll(load("messages/admin.properties"));
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = STATIC_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!all.containsKey(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyValueShownHasALabelInBothLanguages() throws IOException {
		for (String file : List.of("messages/pages.properties", "messages/pages_zh_CN.properties")) {
			Properties labels = load(file);
			assertLabels(labels, "pages.status.", FugitiveStatus.values());
			assertLabels(labels, "pages.eventType.", EventType.values());
			assertLabels(labels, "pages.caseStatus.", CaseStatus.values());
			assertLabels(labels, "pages.role.", CaseParticipant.Role.values());
			assertLabels(labels, "pages.stepKind.", CooperationStep.Kind.values());
			assertLabels(labels, "pages.agencyKind.", Agency.Kind.values());
			assertLabels(labels, "pages.channel.", TransferChannel.values());
			assertLabels(labels, "pages.scheme.", ExternalIdentifier.Scheme.values());
			assertLabels(labels, "pages.qualifier.", Qualifier.values());
			assertLabels(labels, "pages.unit.", FigureUnit.values());
			assertLabels(labels, "pages.subject.", CitedSubject.Kind.values());
			assertLabels(labels, "pages.reconciliation.rule.", Reconciliation.Rule.values());
			assertLabels(labels, "pages.reconciliation.short.", Reconciliation.Rule.values());
			assertLabels(labels, "pages.reconciliation.explain.", Reconciliation.Rule.values());
		}
	}

	private static void assertLabels(Properties labels, String prefix, Enum<?>[] values) {
		assertThat(Arrays.stream(values).map(value -> prefix + value.name())).allSatisfy(
				key -> assertThat(labels.getProperty(key)).as(key).isNotBlank());
	}

	private static List<Path> templates() throws IOException {
		Path root = new ClassPathResource("templates").getFile().toPath();
		return TEMPLATES.stream().map(root::resolve).flatMap(path -> {
			try (Stream<Path> files = Files.walk(path)) {
				return files.filter(file -> file.toString().endsWith(".html")).toList().stream();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
