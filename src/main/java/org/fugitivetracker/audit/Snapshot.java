package org.fugitivetracker.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Version;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;
import org.hibernate.envers.NotAudited;
import org.hibernate.proxy.HibernateProxy;

/**
 * An audited entity's values as text, one entry per audited field, so that two revisions can be
 * compared and shown (before → after). Related records are shown by type and id, collections as
 * their sorted elements, partial dates at their precision.
 */
final class Snapshot {

	private Snapshot() {
	}

	/** The audited fields of {@code entity} (already loaded by Envers at its revision) as text. */
	static Map<String, String> of(Object entity, PersistenceUnitUtil units) {
		Map<String, String> values = new LinkedHashMap<>();
		if (entity == null) {
			return values;
		}
		for (Field field : entity.getClass().getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(Id.class)
					|| field.isAnnotationPresent(Version.class) || field.isAnnotationPresent(NotAudited.class)) {
				continue;
			}
			values.put(field.getName(), text(read(field, entity), units));
		}
		return values;
	}

	/** The fields whose text differs, in declaration order. */
	static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
		List<FieldChange> changes = new ArrayList<>();
		List<String> names = new ArrayList<>(after.keySet());
		before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(names::add);
		for (String name : names) {
			String from = before.getOrDefault(name, "");
			String to = after.getOrDefault(name, "");
			if (!Objects.equals(from, to)) {
				changes.add(new FieldChange(name, from, to));
			}
		}
		return changes;
	}

	/** A short label: type, id and what the record is ("Fugitive #1 Yang Xiuzhu"). */
	static String label(Object entity, Object id) {
		String headline = "";
		if (entity instanceof Fugitive fugitive) {
			headline = fugitive.getName();
		}
		else if (entity instanceof Event event) {
			headline = event.getType() + (event.getOccurred() == null ? "" : " " + event.getOccurred().iso());
		}
		else if (entity instanceof Citation citation) {
			headline = citation.getAttribute();
		}
		else if (entity instanceof Source source) {
			headline = source.getTitle();
		}
		else if (entity instanceof CaseFile caseFile) {
			headline = caseFile.getTitle();
		}
		else if (entity instanceof AssetTransfer transfer) {
			headline = transfer.getAmountAsReported();
		}
		return entity.getClass().getSimpleName() + " #" + id + (headline == null || headline.isEmpty() ? "" : " " + headline);
	}

	static String text(Object value, PersistenceUnitUtil units) {
		if (value == null) {
			return "";
		}
		if (value instanceof PartialDate date) {
			return date.iso();
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof HibernateProxy proxy) {
			return proxy.getHibernateLazyInitializer().getPersistentClass().getSimpleName() + " #"
					+ proxy.getHibernateLazyInitializer().getInternalIdentifier();
		}
		if (value.getClass().isAnnotationPresent(Entity.class)) {
			return value.getClass().getSimpleName() + " #" + units.getIdentifier(value);
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream()
				.map(element -> text(element, units))
				.sorted()
				.collect(Collectors.joining("; ", "[", "]"));
		}
		if (value.getClass().isAnnotationPresent(Embeddable.class)) {
			List<String> parts = new ArrayList<>();
			for (Field field : value.getClass().getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					String text = text(read(field, value), units);
					if (!text.isEmpty()) {
						parts.add(field.getName() + "=" + text);
					}
				}
			}
			return String.join(", ", parts);
		}
		return value.toString();
	}

	private static Object read(Field field, Object target) {
		try {
			field.setAccessible(true);
			return field.get(target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field, ex);
		}
	}

}
