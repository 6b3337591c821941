package org.fugitivetracker.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.fugitivetracker.TestLogin;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's ChromeDriver. Both paths are fixed so that
 * Selenium Manager never tries to download a browser or driver (the network is closed here).
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	final ChromeDriver driver;

	final Path downloads;

	private final String baseUrl;

	private final String journey;

	private int shot;

	Browser(String baseUrl, String journey) throws IOException {
		this.baseUrl = baseUrl;
		this.journey = journey;
		this.downloads = Files.createTempDirectory("browser-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=en-US",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	void open(String path) {
		driver.get(baseUrl + path);
	}

	String url() {
		return driver.getCurrentUrl();
	}

	WebElement find(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	String text(String css) {
		return find(css).getText();
	}

	String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Logs in as a person does: types the name and password into the login page and submits it. */
	void logIn(TestLogin.Account account) {
		open("/login");
		find("#username").sendKeys(account.username());
		find("#password").sendKeys(account.password());
		find("form button[type=submit]").click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** A full-page PNG (beyond the viewport), numbered in journey order. */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) content.get("width")).doubleValue(),
				"height", ((Number) content.get("height")).doubleValue(), "scale", 1);
		Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++shot, name));
		Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
		return file;
	}

	void savePageSource(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.writeString(SCREENSHOTS.resolve(journey + "-" + name + ".html"), driver.getPageSource(),
				StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		driver.quit();
	}

}
