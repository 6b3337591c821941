package org.fugitivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class BrowserSmokeIT {

	@LocalServerPort
	int port;

	@Test
	void logsInAndTakesAScreenshot() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port, "smoke")) {
			browser.logIn("investigator", TestAccounts.INVESTIGATOR_PASSWORD);
			assertThat(browser.pageText()).contains("Signed in as investigator");
			assertThat(browser.screenshot("dashboard")).exists();
		}
	}

}
