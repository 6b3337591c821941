package org.fugitivetracker.audit;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.PersistenceUnitUtil;

import org.hibernate.proxy.HibernateProxy;

/**
 * An audited record's values at one revision, field by field as {@link AuditedFields} lists them:
 * stored values as they are (texts, numbers, enums, partial dates), other records as
 * {@link Ref}s (never loaded), collections as their sorted elements from the
 * {@link CollectionHistory}. Two such maps compare field by field.
 */
final class RecordValues {

	private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

	private RecordValues() {
	}

	/** The values of {@code entity} (loaded by Envers at {@code revision}). */
	static Map<String, Object> of(Object entity, Object id, long revision, CollectionHistory collections,
			PersistenceUnitUtil units) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (AuditedField field : AuditedFields.of(entity.getClass())) {
			Object value = field.collection() != null ? collections.at(field.collection(), id, revision)
					: read(entity, field.name());
			if (field.refers() != null && value != null) {
				value = new Ref(field.refers(), idOf(value, units));
			}
			values.put(field.name(), value);
		}
		return values;
	}

	/** Whether a value shows nothing: none stored, blank text, an empty collection. */
	static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> collection && collection.isEmpty());
	}

	/** Whether a field reads the same before and after. */
	static boolean same(Object before, Object after) {
		return isEmpty(before) ? isEmpty(after) : Objects.equals(before, after);
	}

	/** A related record's id, without loading it; a plain id as it is. */
	private static Object idOf(Object related, PersistenceUnitUtil units) {
		if (related instanceof HibernateProxy proxy) {
			return proxy.getHibernateLazyInitializer().getInternalIdentifier();
		}
		if (related instanceof Number || related instanceof String) {
			return related;
		}
		return units.getIdentifier(related);
	}

	private static Object read(Object entity, String name) {
		Field field = FIELDS.computeIfAbsent(entity.getClass().getName() + "#" + name, key -> {
			try {
				Field declared = entity.getClass().getDeclaredField(name);
				declared.setAccessible(true);
				return declared;
			}
			catch (NoSuchFieldException ex) {
				throw new IllegalStateException("No audited field " + key, ex);
			}
		});
		try {
			return field.get(entity);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field, ex);
		}
	}

}
