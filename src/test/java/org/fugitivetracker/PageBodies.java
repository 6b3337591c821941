package org.fugitivetracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Fetches a page through MockMvc, asserts it rendered (200), and returns its HTML. */
public final class PageBodies {

	private PageBodies() {
	}

	public static String html(MockMvcTester mvc, String uri, Object... uriVariables) {
		MvcTestResult result = mvc.get().uri(uri, uriVariables).exchange();
		assertThat(result).hasStatusOk().hasContentType("text/html;charset=UTF-8");
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
