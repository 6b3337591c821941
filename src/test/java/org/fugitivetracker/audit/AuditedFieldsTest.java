package org.fugitivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.envers.NotAudited;
import org.junit.jupiter.api.Test;

/**
 * What the trail shows of each audited record stays in step with the entities: every audited
 * field is shown or deliberately hidden, every collection is read from its audit table, and
 * every label exists in both languages.
 */
class AuditedFieldsTest {

	@Test
	void everyAuditedFieldIsShownOrHidden() {
		for (Class<?> type : AuditedEntities.BY_NAME.values()) {
			Set<String> audited = new TreeSet<>();
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(Id.class)
						&& !field.isAnnotationPresent(Version.class) && !field.isAnnotationPresent(NotAudited.class)) {
					audited.add(field.getName());
				}
			}
			Set<String> described = new TreeSet<>(AuditedFields.HIDDEN);
			AuditedFields.of(type).forEach(field -> described.add(field.name()));
			described.retainAll(audited);
			Set<String> shown = new TreeSet<>();
			AuditedFields.of(type).forEach(field -> shown.add(field.name()));
			assertThat(described).as(type.getSimpleName() + ": fields shown or hidden").isEqualTo(audited);
			assertThat(audited).as(type.getSimpleName() + ": every field shown exists").containsAll(shown);
			assertThat(AuditedFields.TABLES).as("the audit table of " + type.getSimpleName()).containsKey(type);
		}
	}

	@Test
	void everyCollectionIsReadFromItsAuditTable() throws NoSuchFieldException {
		for (Class<?> type : AuditedEntities.BY_NAME.values()) {
			for (AuditedField field : AuditedFields.of(type)) {
				boolean collection = Collection.class.isAssignableFrom(type.getDeclaredField(field.name()).getType());
				assertThat(field.collection() != null).as(type.getSimpleName() + "." + field.name()).isEqualTo(collection);
				if (collection) {
					assertThat(field.collection().owner()).isEqualTo(type);
				}
			}
		}
	}

	@Test
	void everyLabelExistsInBothLanguages() throws IOException {
		for (String language : new String[] { "", "_zh_CN" }) {
			Properties labels = new Properties();
			for (String bundle : new String[] { "admin", "pages" }) {
				try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle + language + ".properties")) {
					labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
			for (Class<?> type : AuditedEntities.BY_NAME.values()) {
				for (AuditedField field : AuditedFields.of(type)) {
					assertThat(labels.getProperty(field.labelKey())).as(field.labelKey() + language).isNotBlank();
				}
			}
		}
	}

}
