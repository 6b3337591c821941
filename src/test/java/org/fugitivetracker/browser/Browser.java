package org.fugitivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.fugitivetracker.TestLogin;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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

	/** Pages as the browser got them, for the Nu Html Checker that the build runs after the journeys. */
	static final Path RENDERED_HTML = Path.of("target", "rendered-html");

	/** A phone's width in CSS pixels (an iPhone 12 to 15 held upright). */
	static final int PHONE_WIDTH = 390;

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

	/**
	 * The element's text, read again if the page was replaced between finding and reading it (a form
	 * submitted just before redirects and reloads the page).
	 */
	String text(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> find(css).getText());
	}

	String pageText() {
		return text("body");
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

	/**
	 * Checks the page as its users meet it, in the language it is shown in: axe-core finds no
	 * serious or critical violation, it fits a phone's width without scrolling sideways, and its
	 * HTML is kept for the Nu Html Checker. Screenshots at 1280 px and at 390 px.
	 */
	void check(String name) throws IOException {
		check(name, false);
	}

	/**
	 * As {@link #check(String)}; {@code reloadOnPhone}: the page is loaded again at the phone's width,
	 * as a phone loads it (its script folds the list's filter only then). Only for a page that a GET
	 * request shows again.
	 */
	private void check(String name, boolean reloadOnPhone) throws IOException {
		String label = name + "-" + driver.executeScript("return document.documentElement.lang");
		Files.createDirectories(RENDERED_HTML);
		Files.writeString(RENDERED_HTML.resolve(String.format("%s-%02d-%s.html", journey, shot + 1, label)),
				"<!DOCTYPE html>\n" + driver.executeScript("return document.documentElement.outerHTML"),
				StandardCharsets.UTF_8);
		assertThat(Accessibility.blockingViolations(driver)).as("axe-core on %s", url()).isEmpty();
		screenshot(label);
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		try {
			if (reloadOnPhone) {
				driver.navigate().refresh();
			}
			long width = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
			screenshot(label + "-phone");
			assertThat(width).as("the width %s lays out on a %d px phone", url(), PHONE_WIDTH)
				.isLessThanOrEqualTo(PHONE_WIDTH);
			assertThat(Accessibility.blockingViolations(driver)).as("axe-core on %s on a phone", url()).isEmpty();
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * {@link #check Checks} the page in English and in Chinese, then shows it in English again.
	 * Only for a page that a GET request shows again.
	 */
	void checkInBothLanguages(String name) throws IOException {
		String page = url();
		open(relative(withLanguage(page, "en")));
		check(name, true);
		open(relative(withLanguage(page, "zh-CN")));
		check(name, true);
		open(relative(withLanguage(page, "en")));
	}

	/** The URL with its {@code lang} parameter set to the language, every other parameter kept. */
	static String withLanguage(String url, String language) {
		int hash = url.indexOf('#');
		String fragment = hash < 0 ? "" : url.substring(hash);
		String withoutLanguage = (hash < 0 ? url : url.substring(0, hash)).replaceAll("([?&])lang=[^&]*&?", "$1")
			.replaceAll("[?&]$", "");
		return withoutLanguage + (withoutLanguage.contains("?") ? "&" : "?") + "lang=" + language + fragment;
	}

	private String relative(String url) {
		return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
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
