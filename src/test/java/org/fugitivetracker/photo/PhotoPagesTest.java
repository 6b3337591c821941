package org.fugitivetracker.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.JdbcStatements;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Everyone signed in sees the photos: the images with their type, a private cache, a strong ETag
 * answered with 304, never sniffed; the profile with its primary photo (or an empty state) and its
 * source; the list with each person's thumbnail, lazily loaded at a known size, in the same number
 * of statements with photos as without.
 */
@IntegrationTest
class PhotoPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void anImageIsServedWithItsTypeAPrivateCacheAndAStrongEtag() {
		long person = records.fugitive("Test Served", "AT_LARGE");
		long photo = records.photo(person, records.citableSource(), true);
		String etag = "\"" + PhotoImages.sha256(TestRecords.TINY_PNG) + "\"";
		for (String path : List.of("/fugitives/" + person + "/photos/" + photo,
				"/fugitives/" + person + "/photos/" + photo + "/thumbnail")) {
			MvcTestResult served = mvc.get().uri(path).with(TestLogin.INVESTIGATOR).exchange();
			assertThat(served).as(path)
				.hasStatusOk()
				.hasContentType("image/png")
				.hasHeader(HttpHeaders.ETAG, etag)
				.hasHeader(HttpHeaders.CACHE_CONTROL, "max-age=86400, private")
				.hasHeader("X-Content-Type-Options", "nosniff");
			assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(TestRecords.TINY_PNG);
			assertThat(served.getResponse().getHeader(HttpHeaders.PRAGMA)).isNull();

			MvcTestResult revalidated = mvc.get()
				.uri(path)
				.header(HttpHeaders.IF_NONE_MATCH, etag)
				.with(TestLogin.INVESTIGATOR)
				.exchange();
			assertThat(revalidated).hasStatus(304).hasHeader(HttpHeaders.ETAG, etag);
			assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();

			assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, "\"something else\"")
				.with(TestLogin.INVESTIGATOR)).hasStatusOk();
		}
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginAndAPhotoOfSomeoneElseIsNotFound() {
		long person = records.fugitive("Test Served Anonymous", "AT_LARGE");
		long other = records.fugitive("Test Served Other", "AT_LARGE");
		long photo = records.photo(person, records.citableSource(), true);
		assertThat(mvc.get().uri("/fugitives/{id}/photos/{photoId}", person, photo)).hasStatus(302)
			.hasHeader(HttpHeaders.LOCATION, "/login");
		assertThat(mvc.get().uri("/fugitives/{id}/photos/{photoId}/thumbnail", person, photo)).hasStatus(302)
			.hasHeader(HttpHeaders.LOCATION, "/login");
		assertThat(mvc.get().uri("/fugitives/{id}/photos/{photoId}", other, photo).with(TestLogin.INVESTIGATOR))
			.hasStatus(404);
		assertThat(mvc.get().uri("/fugitives/{id}/photos/{photoId}/thumbnail", person, photo + 1000)
			.with(TestLogin.INVESTIGATOR)).hasStatus(404);
		assertThat(mvc.get().uri("/fugitives/{id}/photos/abc", person).with(TestLogin.INVESTIGATOR)).hasStatus(400);
	}

	@Test
	void theProfileShowsThePrimaryPhotoNamedAfterThePersonWithItsSource() {
		long person = records.fugitive("Test Profile Photo", "AT_LARGE");
		records.photo(person, records.citableSource(), false);
		long primary = records.photo(person, records.citableSource(), true);
		assertThat(mvc.get().uri("/fugitives/{id}", person).with(TestLogin.INVESTIGATOR)).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)<figure id=\"photo\" class=\"profile-photo\">\\s*<img src=\"/fugitives/"
				+ person + "/photos/" + primary + "\" alt=\"Test Profile Photo\"\\s+width=\"4\" height=\"3\">")
			.containsPattern("(?s)<figcaption>.*href=\"/sources/" + records.citableSource() + "#citation-")
			.doesNotContain("id=\"no-photo\"", "<span class=\"claim-attribute\">Photo</span>");
	}

	@Test
	void theSourcePageListsThePhotoItGaveAmongWhatItSaysAboutThePerson() {
		long person = records.fugitive("Test Photo Source Page", "AT_LARGE");
		mvc.perform(MockMvcRequestBuilders
			.multipart("/fugitives/{id}/photos", person)
			.file(new MockMultipartFile("file", "a.png", "image/png", TestImages.png(8, 8)))
			.param("sourceId", String.valueOf(records.citableSource()))
			.param("quote", "Test photo credit")
			.with(csrf())
			.with(TestLogin.ADMIN));
		assertThat(mvc.get().uri("/sources/{id}", records.citableSource()).with(TestLogin.INVESTIGATOR)).hasStatusOk()
			.bodyText()
			.contains("Test Photo Source Page", "Photo", "Test photo credit");
	}

	@Test
	void aProfileWithoutAPhotoSaysSoAndOffersAdminsToAddOne() {
		long person = records.fugitive("Test Profile Without Photo", "AT_LARGE");
		assertThat(mvc.get().uri("/fugitives/{id}", person).with(TestLogin.INVESTIGATOR)).hasStatusOk()
			.bodyText()
			.contains("id=\"no-photo\"", "No photo recorded.")
			.doesNotContain("<figure id=\"photo\"", "/photos\">Add a photo");
		assertThat(mvc.get().uri("/fugitives/{id}?lang=zh-CN", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("尚无照片记录。", "href=\"/fugitives/" + person + "/photos\">添加照片");
	}

	@Test
	void theListShowsEachThumbnailLazilyAtItsSizeInAsManyStatementsAsWithout() throws Exception {
		String list = "/fugitives?q=thumbnailed&size=50";
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			people.add(records.fugitive("Test Thumbnailed " + i, "AT_LARGE"));
		}
		int without = statements(list);
		for (long person : people) {
			records.photo(person, records.citableSource(), true);
		}
		int with = statements(list);
		assertThat(with).as("no statement per photo").isEqualTo(without);

		long photo = jdbc.queryForObject("select id from fugitive_photo where fugitive_id = ?", Long.class,
				people.get(0));
		assertThat(mvc.get().uri(list).with(TestLogin.INVESTIGATOR)).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)<th scope=\"row\"><a href=\"/fugitives/" + people.get(0)
					+ "\">Test Thumbnailed 0</a><img\\s+class=\"thumbnail\" loading=\"lazy\" alt=\"\"\\s+"
					+ "src=\"/fugitives/" + people.get(0) + "/photos/" + photo
					+ "/thumbnail\"\\s+width=\"4\" height=\"3\">")
			.doesNotContain("data:image");
	}

	private int statements(String uri) throws Exception {
		mvc.get().uri(uri).with(TestLogin.INVESTIGATOR).exchange();
		return JdbcStatements.record(() -> assertThat(mvc.get().uri(uri).with(TestLogin.INVESTIGATOR)).hasStatusOk())
			.page()
			.size();
	}

}
