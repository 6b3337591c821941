package org.fugitivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.envers.NotAudited;
import org.junit.jupiter.api.Test;

/** The audit trail names every field it can show in the reader's language, never as the code spells it. */
class AuditFieldLabelsTest {

	@Test
	void everyAuditedFieldHasALabelInBothLanguages() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Class<?> type : AuditedEntities.BY_NAME.values()) {
			for (Field field : type.getDeclaredFields()) {
				// The fields Snapshot shows.
				if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(Id.class)
						&& !field.isAnnotationPresent(Version.class) && !field.isAnnotationPresent(NotAudited.class)) {
					keys.add("admin.audit.field." + field.getName());
				}
			}
		}
		assertThat(load("admin").stringPropertyNames()).containsAll(keys);
		assertThat(load("admin_zh_CN").stringPropertyNames()).containsAll(keys);
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AuditFieldLabelsTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
