package org.fugitivetracker.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * Writes a form's errors so that each names its field ("What happened: Choose one."), for the
 * templates ({@code @formErrors}): the summary at the top of the form, one entry per field in the
 * order of the form's fields, each linking to its field, and the message under each field. The
 * field's name is its label, from the {@link FieldLabel} on the form's component.
 */
@Component("formErrors")
public class FormErrorSummary {

	/** One line of the summary: the id of the field to go to (null for the form as a whole) and the message. */
	public record Entry(String anchor, String message) {
	}

	private record Labelled(int position, String key) {
	}

	private final Map<Class<?>, Map<String, Labelled>> labels = new ConcurrentHashMap<>();

	private final MessageSource messages;

	FormErrorSummary(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The summary of a form's errors: errors of the whole form first, then one per field (its
	 * first) in the order of the form's fields.
	 * @param form the form object ({@code #object} in a template)
	 * @param errors the form's errors ({@code #fields.detailedErrors()})
	 * @param idPrefix what the form's field ids start with beyond the field's name ("" mostly)
	 */
	public List<Entry> summary(Object form, List<DetailedError> errors, String idPrefix, Locale locale) {
		Map<String, Labelled> fields = labelsOf(form);
		List<DetailedError> ordered = new ArrayList<>(errors);
		ordered.sort(Comparator.comparingInt(error -> error.isGlobal() ? -1 : position(fields, error.getFieldName())));
		List<Entry> entries = new ArrayList<>();
		Set<String> named = new HashSet<>();
		for (DetailedError error : ordered) {
			if (error.isGlobal()) {
				entries.add(new Entry(null, error.getMessage()));
			}
			else if (named.add(fieldOf(error.getFieldName()))) {
				String field = fieldOf(error.getFieldName());
				// A field without a label is none the admin sees (the version): nothing to go to.
				String anchor = fields.containsKey(field) ? (idPrefix == null ? "" : idPrefix) + field : null;
				entries.add(new Entry(anchor, named(form, field, error.getMessage(), locale)));
			}
		}
		return entries;
	}

	/** The message of an error of {@code field}, led by the field's label where the form gives one. */
	public String named(Object form, String field, String message, Locale locale) {
		Labelled labelled = labelsOf(form).get(fieldOf(field));
		if (labelled == null) {
			return message;
		}
		String label = messages.getMessage(labelled.key(), null, locale);
		return messages.getMessage("admin.form.fieldError", new Object[] { label, message }, locale);
	}

	/** A field's own name, without the index or property of an element ({@code destinationCountries[0]}). */
	static String fieldOf(String path) {
		int end = path.length();
		for (char stop : new char[] { '[', '.' }) {
			int at = path.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return path.substring(0, end);
	}

	private static int position(Map<String, Labelled> fields, String path) {
		Labelled labelled = fields.get(fieldOf(path));
		return labelled == null ? Integer.MAX_VALUE : labelled.position();
	}

	private Map<String, Labelled> labelsOf(Object form) {
		return form == null ? Map.of() : labels.computeIfAbsent(form.getClass(), FormErrorSummary::read);
	}

	/** The labelled fields of a form class, in their order: a record's components, or a class's fields. */
	private static Map<String, Labelled> read(Class<?> type) {
		Map<String, Labelled> fields = new LinkedHashMap<>();
		List<AnnotatedElement> elements = new ArrayList<>();
		List<String> names = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				elements.add(component);
				names.add(component.getName());
			}
		}
		else {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					elements.add(field);
					names.add(field.getName());
				}
			}
		}
		for (int i = 0; i < elements.size(); i++) {
			FieldLabel label = elements.get(i).getAnnotation(FieldLabel.class);
			if (label != null) {
				fields.put(names.get(i), new Labelled(i, label.value()));
			}
		}
		return Map.copyOf(fields);
	}

}
