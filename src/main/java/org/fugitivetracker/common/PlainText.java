package org.fugitivetracker.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person could have typed: no control characters except tab and line breaks (PostgreSQL
 * refuses NUL outright, and the others are never meant), no bidirectional embedding, override or
 * isolate controls (U+202A–U+202E, U+2066–U+2069: they make text display other than it reads,
 * e.g. a name or an audit reason shown reversed), no unpaired surrogates. Right-to-left scripts
 * need none of them; the marks U+200E and U+200F stay allowed.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{admin.validation.plainText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value);
		}

		public static boolean isPlain(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || isBidiOverride(c)) {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

		private static boolean isBidiOverride(char c) {
			return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
		}

	}

}
