package org.fugitivetracker.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTest {

	@Test
	void theHostOfANewSourcesAddressIsItsPublisher() {
		assertThat(Citations.hostOf("https://www.chinadaily.com.cn/a/201901/25/x.html")).isEqualTo("www.chinadaily.com.cn");
		assertThat(Citations.hostOf("http://ecns.cn/2015/12-23/193433.shtml")).isEqualTo("ecns.cn");
	}

	@Test
	void onlyAbsoluteHttpAddressesWithAHostAreUsable() {
		assertThat(Citations.hostOf("javascript:alert(1)")).isNull();
		assertThat(Citations.hostOf("ftp://example.org/x")).isNull();
		assertThat(Citations.hostOf("https://")).isNull();
		assertThat(Citations.hostOf("https://exa mple.org")).isNull();
		assertThat(Citations.hostOf("HTTPS://EXAMPLE.ORG")).as("the database accepts only lower-case schemes").isNull();
	}

}
