package org.fugitivetracker.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password we accept: at least {@value #MIN_CHARACTERS} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8, because bcrypt reads no further (Spring Security refuses
 * to hash a longer one rather than silently ignore the rest).
 */
@Documented
@Constraint(validatedBy = Password.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface Password {

	int MIN_CHARACTERS = 12;

	int MAX_BYTES = 72;

	String message() default "{security.validation.password}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Password, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value != null && value.codePointCount(0, value.length()) >= MIN_CHARACTERS
					&& value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
		}

	}

}
