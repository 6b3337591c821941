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
 * <p>
 * And not text that shows nothing: a value made only of invisible characters (zero-width ones
 * such as U+200B, the byte order mark U+FEFF, no-break spaces such as U+00A0, fillers such as
 * U+3164) passes {@code @NotBlank}, which refuses only what {@link String#isBlank()} calls blank,
 * and would store a name, title or reason nobody can read. Such a value is refused with
 * {@code admin.validation.invisible}, in an optional field too (leave it empty instead). What
 * {@code isBlank()} calls blank stays {@code @NotBlank}'s to refuse (or, in an optional field, the
 * editors' to read as empty). Invisible characters inside visible
 * text stay allowed: emoji sequences join with U+200D, Persian needs U+200C.
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
			if (value == null) {
				return true;
			}
			if (!isPlain(value)) {
				return false;
			}
			// blank as String.isBlank() sees it is @NotBlank's to refuse, or an optional field left empty
			if (showsNothing(value) && !value.isBlank()) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{admin.validation.invisible}").addConstraintViolation();
				return false;
			}
			return true;
		}

		/**
		 * Whether the text has no character that shows: only white space, format characters
		 * (Unicode category Cf), separators, combining marks with nothing to combine with, and the
		 * letters and symbols that are drawn blank (Hangul fillers, the blank Braille pattern).
		 * True for the empty text.
		 */
		public static boolean showsNothing(String value) {
			return value.codePoints().allMatch(Validator::invisible);
		}

		private static boolean invisible(int c) {
			switch (Character.getType(c)) {
				case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK:
					return true;
				default:
					return Character.isWhitespace(c) || c == '\u115f' || c == '\u1160' || c == '\u3164'
							|| c == '\uffa0' || c == '\u2800';
			}
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
