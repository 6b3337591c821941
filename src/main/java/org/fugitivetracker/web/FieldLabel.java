package org.fugitivetracker.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message key of a form field's label: the key the form's template shows beside the field,
 * so that every error names its field in the same words (the summary at the top of the form and
 * the message under the field: "Date: Fill this in."). On the components of a form record.
 */
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FieldLabel {

	/** The label's message key, e.g. {@code admin.event.date}. */
	String value();

}
