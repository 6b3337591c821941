package org.fugitivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageLinksTest {

	@Test
	void keepsThePathAndEveryParameterAndReplacesOnlyTheLanguage() {
		assertThat(LanguageLinks.link("/fugitives", "country=US&status=IN_CUSTODY", "zh-CN"))
			.isEqualTo("/fugitives?country=US&status=IN_CUSTODY&lang=zh-CN");
		assertThat(LanguageLinks.link("/fugitives", "lang=zh-CN&country=US&country=CA&page=2", "en"))
			.isEqualTo("/fugitives?country=US&country=CA&page=2&lang=en");
		assertThat(LanguageLinks.link("/fugitives/1", null, "en")).isEqualTo("/fugitives/1?lang=en");
	}

	@Test
	void keepsEncodedValuesAsTheyCame() {
		assertThat(LanguageLinks.link("/fugitives", "q=%E6%9D%A8%20%26x&operation=", "zh-CN"))
			.isEqualTo("/fugitives?q=%E6%9D%A8%20%26x&operation=&lang=zh-CN");
	}

	@Test
	void neverLinksToAnotherHost() {
		assertThat(LanguageLinks.link("//evil.example/x", null, "en")).isEqualTo("/evil.example/x?lang=en");
	}

}
