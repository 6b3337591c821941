package org.fugitivetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.SlowTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's journeys in headless Chromium against the running application: what an
 * investigator, an analyst and an admin do, and an admin using only the keyboard. Each journey
 * saves full-page screenshots under target/screenshots/, and the page source when it fails.
 * They run in order because the admin's recorded surrender changes what later pages show.
 */
@IntegrationTest
@SlowTest
@TestMethodOrder(OrderAnnotation.class)
class JourneysIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	/** The Nu Html Checker reads every page in the folder: none may be left from an earlier run. */
	@BeforeAll
	static void forgetEarlierPages() throws IOException {
		FileSystemUtils.deleteRecursively(Browser.RENDERED_HTML);
	}

	@Test
	@Order(1)
	void investigatorFollowsAFigureToItsSourceThenReadsYangXiuzhuAndHerCase() throws Exception {
		journey("1-investigator", browser -> {
			browser.open("/login");
			browser.checkInBothLanguages("login");
			browser.logIn(TestLogin.INVESTIGATOR);
			browser.open("/");
			assertThat(browser.text("#headline-heading")).isEqualTo("What the sources report");
			assertThat(browser.pageText()).contains("more than 860");
			browser.checkInBothLanguages("dashboard");

			WebElement figure = browser.find("li.figure-card:has(.figure-value)");
			for (WebElement card : browser.driver.findElements(By.cssSelector("li.figure-card"))) {
				if (card.getText().contains("more than 860")) {
					figure = card;
				}
			}
			figure.findElement(By.cssSelector(".figure-source a")).click();
			waitForUrl(browser, "/sources/");
			assertThat(browser.pageText()).contains("more than 860 economic fugitives");
			browser.checkInBothLanguages("source-of-860");

			browser.open("/sources");
			browser.checkInBothLanguages("sources");
			browser.open("/figures");
			browser.checkInBothLanguages("figures");
			browser.open("/operations");
			browser.checkInBothLanguages("operations");
			browser.find("main table a[href*='/operations/']").click();
			waitForUrl(browser, "/operations/");
			browser.checkInBothLanguages("operation");
			browser.open("/cases");
			browser.checkInBothLanguages("cases");

			browser.open("/fugitives?q=Yang");
			browser.checkInBothLanguages("search-yang");
			browser.find("#results").findElement(By.linkText("Yang Xiuzhu")).click();
			waitForUrl(browser, "/fugitives/");
			assertThat(browser.text("h1")).contains("Yang Xiuzhu");
			assertThat(browser.text("#status")).isEqualTo("In custody");
			assertThat(browser.text("#cases")).contains("Five most-wanted corrupt officials living in the U.S.");
			browser.checkInBothLanguages("yang-xiuzhu");

			browser.find("#cases").findElement(By.partialLinkText("Five most-wanted")).click();
			waitForUrl(browser, "/cases/");
			assertThat(browser.pageText()).contains("Yang Xiuzhu", "four");
			browser.checkInBothLanguages("case");

			browser.driver.findElement(By.cssSelector("a[hreflang='zh-CN']")).click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.pageText().contains("退出登录"));
			assertThat(browser.pageText()).contains("案件中的人员", "磋商中", "被羁押").doesNotContain("Log out");
			browser.screenshot("case-in-chinese");
			browser.open("/");
			assertThat(browser.pageText()).as("the language is remembered").contains("总览");

			browser.open("/fugitives/999999999");
			browser.checkInBothLanguages("not-found");
		});
	}

	@Test
	@Order(2)
	void analystFiltersByCountryThenStatusSharesTheUrlAndDownloadsTheCsv() throws Exception {
		journey("2-analyst", browser -> {
			browser.logIn(TestLogin.ANALYST);
			browser.open("/fugitives");
			browser.checkInBothLanguages("all-fugitives");

			browser.find("#country-US").click();
			browser.find("#filters button[type=submit]").click();
			waitForUrl(browser, "country=US");
			String usOnly = browser.text("#total");
			assertThat(browser.text("#results")).contains("Yang Xiuzhu", "Huang Yurong");
			String atLargeCountBefore = browser.text("#facet-status-AT_LARGE .count");
			browser.screenshot("country-us");

			browser.find("#status-AT_LARGE").click();
			browser.find("#filters button[type=submit]").click();
			waitForUrl(browser, "status=AT_LARGE");
			String usAtLarge = browser.text("#total");
			assertThat(usAtLarge).isNotEqualTo(usOnly);
			assertThat(browser.pageText()).doesNotContain("Yang Xiuzhu").doesNotContain("Huang Yurong");
			assertThat(browser.text("#facet-status-AT_LARGE .count")).isEqualTo(atLargeCountBefore);
			browser.check("country-us-at-large");

			browser.find("a[hreflang='zh-CN']").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.pageText().contains("退出登录"));
			assertThat(browser.url()).as("switching language keeps the filter").contains("country=US", "status=AT_LARGE");
			assertThat(digits(browser.text("#total"))).as("the same matches in Chinese").isEqualTo(digits(usAtLarge));
			assertThat(browser.find("#country-US").isSelected()).isTrue();
			assertThat(browser.find("#status-AT_LARGE").isSelected()).isTrue();
			browser.check("country-us-at-large");
			browser.find("a[hreflang='en']").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> browser.pageText().contains("Log out"));
			assertThat(browser.url()).contains("country=US", "status=AT_LARGE");

			String sharedUrl = browser.url();
			WebDriver original = browser.driver.switchTo().window(browser.driver.getWindowHandle());
			browser.driver.switchTo().newWindow(WindowType.TAB);
			browser.driver.get(sharedUrl);
			assertThat(browser.text("#total")).isEqualTo(usAtLarge);
			assertThat(browser.find("#country-US").isSelected()).isTrue();
			assertThat(browser.find("#status-AT_LARGE").isSelected()).isTrue();
			browser.screenshot("shared-url");
			assertThat(original).isNotNull();

			browser.open("/fugitives?country=US");
			browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", browser.downloads.toAbsolutePath().toString()));
			browser.find("#csv-link").click();
			Path csv = browser.downloads.resolve("fugitives.csv");
			new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Files.exists(csv));
			String content = Files.readString(csv, StandardCharsets.UTF_8);
			assertThat(content).contains("Yang Xiuzhu", "Huang Yurong");
			browser.screenshot("after-csv-download");
		});
	}

	@Test
	@Order(3)
	void adminRecordsYangXiuzhusSurrenderAfterAFutureDateIsRefused() throws Exception {
		journey("3-admin", browser -> {
			browser.logIn(TestLogin.ADMIN);
			browser.open("/");
			String statusSplitBefore = browser.find("#status-chart-desc").getDomProperty("textContent");
			browser.screenshot("dashboard-before");
			browser.open("/admin");
			browser.checkInBothLanguages("admin");
			browser.open("/admin/users");
			browser.checkInBothLanguages("users");
			for (String form : List.of("/fugitives/new", "/cases/new", "/sources/new", "/asset-transfers/new")) {
				browser.open(form);
				browser.checkInBothLanguages("form" + form.replace('/', '-'));
			}

			browser.open("/fugitives?q=Yang");
			browser.find("#results").findElement(By.linkText("Yang Xiuzhu")).click();
			waitForUrl(browser, "/fugitives/");
			String profile = browser.url();
			browser.find("#admin-actions a[href$='/manage']").click();
			waitForUrl(browser, "/manage");
			browser.checkInBothLanguages("manage");
			browser.open(profile.substring(profile.indexOf("/fugitives/")));
			browser.find("#admin-actions a[href$='/events/new']").click();
			waitForUrl(browser, "/events/new");
			String eventForm = browser.url();
			browser.checkInBothLanguages("empty-form");

			browser.find("#submit").click();
			assertEveryErrorNamesItsField(browser);
			browser.check("empty-form-sent");
			browser.open(Browser.withLanguage(eventForm, "zh-CN").substring(eventForm.indexOf("/fugitives/")));
			browser.find("#submit").click();
			assertEveryErrorNamesItsField(browser);
			browser.check("empty-form-sent");
			browser.open(Browser.withLanguage(eventForm, "en").substring(eventForm.indexOf("/fugitives/")));

			fillSurrender(browser, LocalDate.now().plusYears(1).toString());
			browser.find("#submit").click();
			assertThat(browser.text("#date-error")).isNotBlank();
			browser.screenshot("future-date-refused");

			WebElement date = browser.find("#date");
			date.clear();
			date.sendKeys("2016-11-16");
			if (browser.find("#quote").getAttribute("value").isBlank()) {
				fillSource(browser);
			}
			browser.find("#submit").click();
			waitForUrl(browser, "/fugitives/");
			assertThat(browser.text(".alert.success")).contains("Surrender");
			assertThat(browser.text("#status")).isEqualTo("Returned");
			assertThat(browser.text("#timeline")).contains("November 16, 2016", "Surrender");
			List<String> statusSources = browser.driver.findElements(By.cssSelector("#status-basis a.cite"))
				.stream()
				.map(chip -> chip.getAttribute("href"))
				.toList();
			assertThat(statusSources).as("the status cites the new source, not the article that said 'in custody'")
				.isNotEmpty()
				.noneMatch(href -> href.contains("/sources/1#"));
			assertThat(browser.text("#status-basis")).contains("Surrendered, November 16, 2016");
			assertThat(browser.text("table.all-claims")).as("the article's claim stays, marked")
				.contains("Superseded", "said on December 23, 2015, before");
			browser.checkInBothLanguages("surrender-recorded");
			browser.find("#admin-actions a[href$='/history']").click();
			waitForUrl(browser, "/history");
			browser.checkInBothLanguages("history");

			browser.open("/audit");
			assertThat(browser.pageText()).contains("admin", "Yang Xiuzhu");
			browser.checkInBothLanguages("audit-trail");

			browser.open("/");
			assertThat(browser.find("#status-chart-desc").getDomProperty("textContent")).isNotEqualTo(statusSplitBefore);
			assertThat(returnedCount(browser.find("#status-chart-desc").getDomProperty("textContent")))
				.isEqualTo(returnedCount(statusSplitBefore) + 1);
			browser.screenshot("dashboard-after");
		});
	}

	@Test
	@Order(4)
	void adminRecordsAnEventWithTheKeyboardOnly(TestRecords records) throws Exception {
		long id = records.person("Test Keyboard Person", "AT_LARGE").destinations("US").id();
		journey("4-keyboard", browser -> {
			browser.open("/login");
			keys(browser).sendKeys(TestLogin.ADMIN.username()).perform();
			tabTo(browser, "password");
			keys(browser).sendKeys(TestLogin.ADMIN.password() + Keys.ENTER).perform();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));

			browser.open("/fugitives/" + id + "/events/new");
			tabTo(browser, "type");
			keys(browser).sendKeys("Detention").perform();
			tabTo(browser, "date");
			keys(browser).sendKeys("2016-01").perform();
			tabTo(browser, "country");
			keys(browser).sendKeys("United States").perform();
			tabTo(browser, "description");
			keys(browser).sendKeys("Recorded with the keyboard only (test).").perform();
			tabTo(browser, "sourceTitle");
			keys(browser).sendKeys("Test keyboard source").perform();
			tabTo(browser, "sourceUrl");
			keys(browser).sendKeys("https://example.org/keyboard").perform();
			tabTo(browser, "quote");
			keys(browser).sendKeys("detained in January 2016").perform();
			browser.screenshot("form-filled-by-keyboard");
			tabTo(browser, "submit");
			keys(browser).sendKeys(Keys.ENTER).perform();

			waitForUrl(browser, "/fugitives/" + id);
			assertThat(browser.text(".alert.success")).isNotBlank();
			assertThat(browser.text("#status")).isEqualTo("In custody");
			browser.screenshot("recorded");
		});
	}

	@Test
	@Order(5)
	void adminAddsAPersonWithAPhotoAndSeesItOnTheProfileAndInTheList(TestRecords records) throws Exception {
		long source = records.citableSource();
		Path photo = Files.createTempDirectory("journey-photo").resolve("portrait.jpg");
		Files.write(photo, portrait());
		Path notAPhoto = photo.resolveSibling("notes.png");
		Files.writeString(notAPhoto, "Not an image (test).");
		journey("5-photo", browser -> {
			browser.logIn(TestLogin.ADMIN);
			browser.open("/fugitives/new");
			browser.find("#name").sendKeys("Test Photo Journey Person");
			new Select(browser.find("#sourceId")).selectByValue(String.valueOf(source));
			browser.find("#quote").sendKeys("Test quote: the person named in the report");
			browser.find("#submit").click();
			waitForUrl(browser, "/fugitives/");
			String profile = browser.url().substring(browser.url().indexOf("/fugitives/"));
			assertThat(browser.find("#no-photo").getText()).contains("No photo recorded.");

			browser.find("#admin-actions a[href$='/photos']").click();
			waitForUrl(browser, "/photos");
			assertThat(browser.text("#no-photos")).isNotBlank();
			browser.checkInBothLanguages("photos-empty");

			browser.find("#file").sendKeys(notAPhoto.toAbsolutePath().toString());
			browser.find("#upload").click();
			assertEveryErrorNamesItsField(browser);
			assertThat(browser.text("#file-error")).contains("not a JPEG, PNG or WebP image");
			browser.check("photo-refused");

			browser.find("#file").sendKeys(photo.toAbsolutePath().toString());
			browser.find("#caption").sendKeys("Test portrait from the report");
			new Select(browser.find("#sourceId")).selectByValue(String.valueOf(source));
			browser.find("#quote").sendKeys("Test quote: the photo printed with the report");
			browser.find("#upload").click();
			waitForUrl(browser, "/photos");
			assertThat(browser.text(".alert.success")).isEqualTo("Photo added.");
			assertThat(browser.text("#photos")).contains("Primary photo", "Test portrait from the report",
					"JPEG, 240 × 320 pixels (uploaded as JPEG)");
			assertLoaded(browser, "#photos img");
			browser.checkInBothLanguages("photos-one");

			browser.open(profile);
			WebElement shown = browser.find("#photo img");
			assertThat(shown.getAttribute("alt")).isEqualTo("Test Photo Journey Person");
			assertLoaded(browser, "#photo img");
			assertThat(browser.text("#photo figcaption")).contains("Test portrait from the report", "Test publisher");
			browser.checkInBothLanguages("profile-with-photo");

			browser.open("/fugitives?q=photo+journey");
			WebElement thumbnail = browser.find("#results img.thumbnail");
			assertThat(thumbnail.getAttribute("loading")).isEqualTo("lazy");
			assertThat(thumbnail.getAttribute("src")).endsWith("/thumbnail");
			assertLoaded(browser, "#results img.thumbnail");
			assertThat(browser.text("#results")).contains("Test Photo Journey Person");
			browser.checkInBothLanguages("list-with-thumbnail");
		});
	}

	@Test
	@Order(8)
	void adminImportsAListWithADuplicateAndABadRowThenAnAnalystExportsFtm() throws Exception {
		Path list = Files.createTempDirectory("journey-import").resolve("partner-list.csv");
		String source = ",https://example.org/journey-partner-list,Journey partner list,Named in the partner's list\n";
		Files.writeString(list, "name,native_name,destination_countries,former_position,fled,source_url,source_title,"
				+ "source_quote\n" + "Journey Import Alpha,,US,Test deputy mayor,2011" + source
				+ "Huáng Yùróng,,US,,2002-08" + source + ",,CA,,2013" + source + "Journey Import Beta,,CA,,2013"
				+ source, StandardCharsets.UTF_8);
		journey("8-import", browser -> {
			browser.logIn(TestLogin.ADMIN);
			browser.open("/admin");
			browser.find("#import").click();
			waitForUrl(browser, "/admin/import");
			browser.checkInBothLanguages("import-form");

			browser.find("#file").sendKeys(list.toAbsolutePath().toString());
			browser.find("#upload").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(20))
				.until(d -> d.getCurrentUrl().matches(".*/admin/import/\\d+.*"));
			assertThat(browser.text("#count-create")).isEqualTo("2");
			assertThat(browser.text("#count-duplicates")).isEqualTo("1");
			assertThat(browser.text("#count-refused")).isEqualTo("1");
			assertThat(browser.text("#refused")).contains("4", "name: Fill this in.");
			assertThat(browser.text("#duplicates")).contains("Huáng Yùróng", "Huang Yurong");
			assertThat(browser.find("#duplicates a").getAttribute("href")).endsWith("/fugitives/2");
			assertThat(count("Journey Import %")).as("nothing stored before the confirmation").isZero();
			browser.checkInBothLanguages("import-preview");

			browser.find("#confirm").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(20))
				.until(d -> browser.pageText().contains("People added"));
			assertThat(browser.text("#created-heading")).isEqualTo("People added: 2");
			assertThat(browser.text("#created")).contains("Journey Import Alpha", "Journey Import Beta");
			assertThat(browser.pageText()).doesNotContain("Nothing has been stored yet.");
			browser.check("import-done");
			browser.find("#created a").click();
			waitForUrl(browser, "/fugitives/");
			assertThat(browser.text("h1")).contains("Journey Import Alpha");

			browser.open("/fugitives?q=Journey+Import");
			assertThat(browser.text("#results")).contains("Journey Import Alpha", "Journey Import Beta")
				.doesNotContain("Huáng Yùróng");
		});
		assertThat(count("Journey Import %")).isEqualTo(2);

		journey("8-ftm-export", browser -> {
			browser.logIn(TestLogin.ANALYST);
			browser.open("/fugitives?q=Journey+Import");
			String exported = (String) browser.driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch('/api/v1/export.ftm.json?q=Journey+Import').then(r => r.text()).then(done)""");
			List<String> lines = exported.lines().filter(line -> !line.isBlank()).toList();
			assertThat(lines).isNotEmpty();
			JsonMapper json = JsonMapper.builder().build();
			List<String> people = new ArrayList<>();
			for (String line : lines) {
				JsonNode entity = json.readTree(line);
				assertThat(entity.has("id") && entity.has("schema") && entity.has("properties")).as(line).isTrue();
				if ("Person".equals(entity.get("schema").asString())) {
					people.add(entity.get("properties").get("name").get(0).asString());
				}
			}
			assertThat(people).containsExactlyInAnyOrder("Journey Import Alpha", "Journey Import Beta");
		});
	}

	private long count(String namePattern) {
		return jdbc.queryForObject("SELECT count(*) FROM fugitive WHERE name LIKE ?", Long.class, namePattern);
	}

	/** A 240 × 320 JPEG as a camera saves it: shown in the browser only if the page's policy allows it. */
	private static byte[] portrait() throws IOException {
		BufferedImage image = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x2f5d8a));
		graphics.fillRect(0, 0, 240, 320);
		graphics.setColor(new Color(0xe8c39e));
		graphics.fillOval(70, 60, 100, 130);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", bytes);
		return bytes.toByteArray();
	}

	/** The image arrived and decoded: the browser knows its size (a refused or broken image has none). */
	private static void assertLoaded(Browser browser, String css) {
		WebElement image = browser.find(css);
		browser.driver.executeScript("arguments[0].scrollIntoView()", image);
		new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.driver
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
	}

	/**
	 * An admin records Yang Xiuzhu's name in Chinese characters, citing a source; an investigator
	 * then finds her by its pinyin typed as one word; an admin adding "Huáng Yùróng" is shown the
	 * seeded Huang Yurong as the person he may be, and nothing is stored. Her seeded row is put back
	 * afterwards (the rows the journey adds go as every test's do).
	 */
	@Test
	@Order(6)
	void anAdminRecordsAChineseNameAnInvestigatorFindsItByPinyinAndAnAdminIsWarnedOfADuplicate(TestRecords records)
			throws Exception {
		Map<String, Object> yangXiuzhu = jdbc.queryForMap("select native_name, romanised_names::text as romanised, "
				+ "version, updated_at, updated_by from fugitive where id = 1");
		long people = jdbc.queryForObject("select count(*) from fugitive", Long.class);
		try {
			journey("5-admin-native-name", browser -> {
				browser.logIn(TestLogin.ADMIN);
				browser.open("/fugitives?q=Yang");
				browser.find("#results").findElement(By.linkText("Yang Xiuzhu")).click();
				waitForUrl(browser, "/fugitives/");
				browser.find("#admin-actions a[href$='/manage']").click();
				waitForUrl(browser, "/manage");
				browser.find("#edit-profile").click();
				waitForUrl(browser, "/edit");
				browser.find("#nativeName").sendKeys("杨秀珠");
				browser.find("#sourceTitle").sendKeys("Test source giving Yang Xiuzhu's name in Chinese characters");
				browser.find("#sourceUrl").sendKeys("https://example.org/test-yang-xiuzhu-chinese-name");
				browser.find("#quote").sendKeys("杨秀珠");
				browser.screenshot("native-name-typed");
				browser.find("#submit").click();
				assertThat(browser.text(".alert.success")).contains("Yang Xiuzhu");
				browser.screenshot("native-name-recorded");
			});
			journey("5-investigator-pinyin", browser -> {
				browser.logIn(TestLogin.INVESTIGATOR);
				browser.open("/fugitives");
				browser.find("#q").sendKeys("yangxiuzhu");
				browser.find("#filters button[type=submit]").click();
				waitForUrl(browser, "q=yangxiuzhu");
				assertThat(browser.find("#results").findElements(By.linkText("Yang Xiuzhu"))).hasSize(1);
				browser.checkInBothLanguages("search-yangxiuzhu");
				browser.open("/fugitives?q=yangxiuzhu&lang=zh-CN");
				assertThat(browser.text("#results")).as("her name in Chinese on the Chinese page").contains("杨秀珠");
				browser.open("/fugitives?lang=en");
			});
			journey("5-admin-duplicate", browser -> {
				browser.logIn(TestLogin.ADMIN);
				for (String language : List.of("en", "zh-CN")) {
					browser.open("/fugitives/new?lang=" + language);
					browser.find("#name").sendKeys("Huáng Yùróng");
					browser.find("#sourceTitle").sendKeys("Test source naming Huáng Yùróng");
					browser.find("#sourceUrl").sendKeys("https://example.org/test-huang-yurong-duplicate");
					browser.find("#quote").sendKeys("Huáng Yùróng");
					browser.find("#submit").click();
					WebElement candidates = browser.find("#duplicate-candidates");
					assertThat(candidates.findElements(By.linkText("Huang Yurong"))).hasSize(1);
					assertThat(candidates.getText()).contains("Huáng Yùróng", "100%");
					assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
						.as("the warning takes the focus, as an error summary does")
						.isEqualTo("duplicates");
					assertThat(browser.find("#confirmDuplicate").isSelected()).isFalse();
					browser.check("likely-duplicate");
				}
			});
			assertThat(jdbc.queryForObject("select count(*) from fugitive", Long.class))
				.as("nobody added without the admin's confirmation")
				.isEqualTo(people);
		}
		finally {
			jdbc.update("update fugitive set native_name = ?, romanised_names = cast(? as text[]), version = ?, "
					+ "updated_at = ?, updated_by = ? where id = 1", yangXiuzhu.get("native_name"),
					yangXiuzhu.get("romanised"), yangXiuzhu.get("version"), yangXiuzhu.get("updated_at"),
					yangXiuzhu.get("updated_by"));
		}
	}

	@Test
	@Order(7)
	void adminAddsAPassportSeesItOnTheProfileAndCannotGiveTheSameNumberToAnother(TestRecords records)
			throws Exception {
		long holder = records.person("Test Passport Journey Holder", "AT_LARGE").destinations("CA").id();
		long other = records.person("Test Passport Journey Other", "AT_LARGE").id();
		journey("5-identifiers", browser -> {
			browser.logIn(TestLogin.ADMIN);
			browser.open("/fugitives/" + holder + "/manage");
			browser.find("#manage-identifiers").click();
			waitForUrl(browser, "/fugitives/" + holder + "/identifiers");
			browser.checkInBothLanguages("identifiers-none");

			fillPassport(browser, "TEST-P-20161116");
			browser.find("#submit").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10))
				.until(d -> !browser.driver.findElements(By.cssSelector(".alert.success")).isEmpty());
			assertThat(browser.text(".alert.success")).contains("Passport: TEST-P-20161116");
			assertThat(browser.text("#identifiers")).contains("Passport: TEST-P-20161116", "Canada",
					"Test source: passport of a journey");
			browser.checkInBothLanguages("identifier-added");

			browser.open("/fugitives/" + holder);
			assertThat(browser.text("#identifiers")).contains("Passport: TEST-P-20161116", "(issued by Canada)",
					"example.org");
			browser.checkInBothLanguages("identifier-on-profile");

			browser.open("/fugitives/" + other + "/identifiers");
			fillPassport(browser, "test-p-20161116");
			browser.find("#submit").click();
			assertThat(browser.text("#value-error")).contains("already recorded for Test Passport Journey Holder");
			assertThat(browser.find("#value-holder a").getAttribute("href")).endsWith("/fugitives/" + holder);
			assertThat(browser.text("#error-summary")).contains("Number: This number is already recorded");
			browser.check("identifier-taken");
			browser.open("/fugitives/" + other + "/identifiers?lang=zh-CN");
			fillPassport(browser, "TEST-P-20161116");
			browser.find("#submit").click();
			assertThat(browser.text("#value-error")).contains("该号码已记录在Test Passport Journey Holder名下");
			browser.check("identifier-taken");
			browser.open("/fugitives/" + other + "/identifiers?lang=en");

			browser.open("/fugitives/" + holder + "/identifiers");
			browser.find("#identifiers button[id^='remove-identifier-']").click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(10))
				.until(d -> browser.text("#identifiers").contains("No identifier recorded."));
			assertThat(browser.text(".alert.success")).contains("removed");
			browser.open("/audit?entity=ExternalIdentifier");
			assertThat(browser.pageText()).contains("Passport: TEST-P-20161116 (Test Passport Journey Holder)",
					"Deleted", "Added");
			browser.checkInBothLanguages("identifier-audit");
		});
	}

	private void fillPassport(Browser browser, String number) {
		new Select(browser.find("#scheme")).selectByValue("PASSPORT");
		browser.find("#value").sendKeys(number);
		new Select(browser.find("#issuingCountry")).selectByValue("CA");
		browser.find("#sourceTitle").sendKeys("Test source: passport of a journey");
		browser.find("#sourceUrl").sendKeys("https://example.org/test-passport");
		browser.find("#quote").sendKeys("holds passport " + number);
	}

	private void fillSurrender(Browser browser, String date) {
		new Select(browser.find("#type")).selectByValue("SURRENDER");
		browser.find("#date").sendKeys(date);
		new Select(browser.find("#country")).selectByValue("US");
		browser.find("#description").sendKeys("Surrendered and returned to China (recorded in a browser test).");
		fillSource(browser);
	}

	private void fillSource(Browser browser) {
		WebElement title = browser.find("#sourceTitle");
		title.clear();
		title.sendKeys("Test source: China Daily report of 25 January 2019");
		WebElement url = browser.find("#sourceUrl");
		url.clear();
		url.sendKeys("https://example.org/test-source");
		WebElement quote = browser.find("#quote");
		quote.clear();
		quote.sendKeys("surrendered and returned to China on 16 November 2016");
	}

	/**
	 * One message per field at the top, each linking to its field and naming it as the field's
	 * label (or its group's legend) does; the same message beside the field.
	 */
	private static void assertEveryErrorNamesItsField(Browser browser) {
		List<WebElement> links = browser.find("#error-summary").findElements(By.cssSelector("li a[href^='#']"));
		assertThat(links).isNotEmpty();
		Set<String> fields = new HashSet<>();
		for (WebElement link : links) {
			String id = link.getAttribute("href").replaceAll(".*#", "");
			assertThat(fields.add(id)).as("one message for #%s", id).isTrue();
			List<String> names = new ArrayList<>();
			browser.driver.findElements(By.cssSelector("label[for='" + id + "'] > span:first-child, label[for='" + id
					+ "']"))
				.forEach(label -> names.add(label.getText().replaceAll("\\s*[(（].*$", "").strip()));
			browser.driver.findElements(By.xpath("//*[@id='" + id + "']/ancestor::fieldset/legend/span[1]"))
				.forEach(legend -> names.add(legend.getText().strip()));
			names.removeIf(String::isBlank);
			assertThat(names).as("#%s has a label", id).isNotEmpty();
			String message = link.getText().toLowerCase(Locale.ROOT);
			assertThat(names).as("the message \"%s\" names its field", link.getText())
				.anyMatch(name -> message.contains(name.toLowerCase(Locale.ROOT)));
		}
		assertThat(fields).as("every error shows on the first submit, the source's too")
			.anyMatch(id -> id.startsWith("source") || id.equals("quote"));
		assertThat(browser.driver.findElements(By.cssSelector(".field-error"))).as("a message beside each field")
			.hasSize(fields.size());
	}

	private static String digits(String text) {
		return text.replaceAll("\\D+", " ").strip();
	}

	private static int returnedCount(String statusSplit) {
		Matcher matcher = Pattern.compile("Returned: (\\d+)").matcher(statusSplit);
		assertThat(matcher.find()).as(statusSplit).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static Actions keys(Browser browser) {
		return new Actions(browser.driver);
	}

	/** Presses Tab until the element with this id has the focus, as a keyboard user would. */
	private static void tabTo(Browser browser, String id) {
		for (int presses = 0; presses < 80; presses++) {
			WebElement active = browser.driver.switchTo().activeElement();
			if (id.equals(active.getAttribute("id"))) {
				return;
			}
			keys(browser).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private static void waitForUrl(Browser browser, String fragment) {
		new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(fragment));
	}

	private void journey(String name, Steps steps) throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port, name)) {
			try {
				steps.run(browser);
			}
			catch (Throwable failure) {
				browser.savePageSource("failure");
				browser.screenshot("failure");
				throw failure;
			}
		}
	}

	@FunctionalInterface
	interface Steps {

		void run(Browser browser) throws Exception;

	}

}
