package org.fugitivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	/** A required field as the forms declare one. */
	record Named(@NotBlank @PlainText String name) {

	}

	/** An optional one. */
	record Described(@PlainText String description) {

	}

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Yang Xiuzhu", "杨秀珠", "line one\nline two\r\n\ttabbed", "emoji 😀", "<script>alert(1)</script>",
			"' or 1=1 --", "עברית and English", "العربية \u200f(marked)\u200e", "family 👨‍👩‍👧" })
	void acceptsWhatAPersonTypes(String text) {
		assertThat(PlainText.Validator.isPlain(text)).isTrue();
		assertThat(PlainText.Validator.showsNothing(text)).isFalse();
		assertThat(VALIDATOR.validate(new Named(text))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "bell\u0007", "escape\u001b[31m", "delete\u007f", "c1\u0085", "lone \ud800 high",
			"lone \udc00 low", "end \ud83d", "Test \u202egnp.exe", "embedded \u202a", "isolate \u2066x\u2069",
			"pop \u202c" })
	void refusesControlCharactersAndBrokenSurrogates(String text) {
		assertThat(PlainText.Validator.isPlain(text)).isFalse();
	}

	/** Each of these passed @NotBlank and was stored as a name, title, publisher or reason. */
	@ParameterizedTest
	@ValueSource(strings = { "\u200b", "\ufeff", "\u00a0", "\u200b\u200b\u200b", "\u00a0 \u00a0", " \ufeff ",
			"\u2060", "\u200c\u200d", "\u00ad", "\u3164", "\u115f\u1160", "\u2800", "\u034f", "\ufe0f",
			"\u202f\u2007", "\udb40\udc20\udb40\udc7f" /* tag characters */, "\t\u200b\n" })
	void refusesTextThatShowsNothing(String text) {
		assertThat(PlainText.Validator.showsNothing(text)).isTrue();
		Set<ConstraintViolation<Named>> required = VALIDATOR.validate(new Named(text));
		assertThat(required).hasSize(1);
		assertThat(required.iterator().next().getMessageTemplate()).isEqualTo("{admin.validation.invisible}");
		assertThat(VALIDATOR.validate(new Described(text))).as("in an optional field too").hasSize(1);
	}

	@Test
	void invisibleCharactersInsideVisibleTextStayAllowed() {
		for (String text : new String[] { "Yang\u00a0Xiuzhu", "\ufeffYang Xiuzhu", "می\u200cخواهم", "👩\u200d💻", "a\u200b",
				"e\u0301" }) {
			assertThat(VALIDATOR.validate(new Named(text))).as(text).isEmpty();
		}
	}

	@Test
	void whatIsBlankIsLeftToNotBlankAndOptionalFieldsMayBeEmpty() {
		for (String text : new String[] { "  \t ", "\u3000", "\u2028", "\n" }) {
			Set<ConstraintViolation<Named>> blank = VALIDATOR.validate(new Named(text));
			assertThat(blank).hasSize(1);
			assertThat(blank.iterator().next().getConstraintDescriptor().getAnnotation()).isInstanceOf(NotBlank.class);
		}
		assertThat(VALIDATOR.validate(new Described(""))).isEmpty();
		assertThat(VALIDATOR.validate(new Described("   "))).isEmpty();
		assertThat(VALIDATOR.validate(new Described(null))).isEmpty();
	}

}
