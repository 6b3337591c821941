package org.fugitivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "Yang Xiuzhu", "杨秀珠", "line one\nline two\r\n\ttabbed", "emoji 😀", "<script>alert(1)</script>",
			"' or 1=1 --", "עברית and English", "العربية \u200f(marked)\u200e", "family 👨‍👩‍👧" })
	void acceptsWhatAPersonTypes(String text) {
		assertThat(PlainText.Validator.isPlain(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "bell\u0007", "escape\u001b[31m", "delete\u007f", "c1\u0085", "lone \ud800 high",
			"lone \udc00 low", "end \ud83d", "Test \u202egnp.exe", "embedded \u202a", "isolate \u2066x\u2069",
			"pop \u202c" })
	void refusesControlCharactersAndBrokenSurrogates(String text) {
		assertThat(PlainText.Validator.isPlain(text)).isFalse();
	}

}
