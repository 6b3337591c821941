package org.fugitivetracker.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.fugitivetracker.TestLogin;
import org.fugitivetracker.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An admin uploads a person's photos through the form, on real PostgreSQL: each rule of the file
 * (type by content, 5 MB, 40 megapixels from the header, a damaged file) is a field error on the
 * form with nothing stored; an accepted file is stored re-encoded, without its EXIF, with its
 * thumbnail and its source; the first photo is primary, another can be made primary, and a deleted
 * one takes its citation with it. Every write is in the audit trail, in words.
 */
@IntegrationTest
class PhotoUploadTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** Set before each test ({@link IntegrationTest}). */
	TestRecords records;

	@Test
	void aPngNamedJpgIsStoredAsThePngItIsWithItsSourceAndIsThePrimaryPhoto() {
		long person = records.fugitive("Test Photo Png", "AT_LARGE");
		assertThat(upload(person, file("portrait.jpg", "image/jpeg", TestImages.png(300, 200)), "Test caption"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/fugitives/" + person + "/photos")
			.flash()
			.containsEntry("confirmation", "Photo added.");

		Map<String, Object> stored = jdbc.queryForMap("select * from fugitive_photo where fugitive_id = ?", person);
		assertThat(stored).containsEntry("uploaded_type", "image/png")
			.containsEntry("content_type", "image/png")
			.containsEntry("width", 300)
			.containsEntry("height", 200)
			.containsEntry("is_primary", true)
			.containsEntry("caption", "Test caption");
		assertThat(jdbc.queryForMap("select source_id, attribute, claim, quote from citation where id = ?",
				stored.get("citation_id")))
			.containsEntry("source_id", records.citableSource())
			.containsEntry("attribute", "photo")
			.containsEntry("claim", "Test Photo Png")
			.containsEntry("quote", "Test quote");
		assertThat(mvc.get().uri("/fugitives/{id}/photos", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Primary photo", "PNG, 300 × 200 pixels (uploaded as PNG)", "Test caption",
					"/fugitives/" + person + "/photos/" + stored.get("id") + "/thumbnail");
	}

	@Test
	void aTextFileNamedPngIsRefusedBesideTheFileFieldAndNothingIsStored() {
		long person = records.fugitive("Test Photo Text", "AT_LARGE");
		assertRefused(person, file("photo.png", "image/png", "Not an image at all".getBytes()),
				"Photo file: This is not a JPEG, PNG or WebP image (the file’s content was checked, not its name).");
	}

	@Test
	void aFileOverFiveMegabytesIsRefused() {
		long person = records.fugitive("Test Photo Large", "AT_LARGE");
		byte[] large = Arrays.copyOf(TestImages.png(10, 10), PhotoImages.MAX_UPLOAD_BYTES + 1);
		assertRefused(person, file("large.png", "image/png", large),
				"Photo file: The file is 5 MB; a photo may be at most 5 MB.");
		byte[] sixMegabytes = new byte[6 * 1024 * 1024];
		assertRefused(person, file("six.jpg", "image/jpeg", sixMegabytes),
				"Photo file: The file is 6 MB; a photo may be at most 5 MB.");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		long person = records.fugitive("Test Photo Bomb", "AT_LARGE");
		byte[] bomb = TestImages.pngClaiming(30_000, 30_000);
		assertThat(bomb.length).as("a tiny file").isLessThan(100);
		assertRefused(person, file("bomb.png", "image/png", bomb),
				"Photo file: The image is 30,000 × 30,000 pixels; at most 40 megapixels are accepted.");
	}

	@Test
	void aTruncatedOrDamagedImageIsRefused() {
		long person = records.fugitive("Test Photo Truncated", "AT_LARGE");
		String unreadable = "Photo file: The image cannot be read: the file is damaged or incomplete.";
		assertRefused(person, file("cut.jpg", "image/jpeg", TestImages.truncated("jpeg", 0.5)), unreadable);
		assertRefused(person, file("cut.png", "image/png", TestImages.truncated("png", 0.5)), unreadable);
	}

	@Test
	void noFileAndNoSourceAreRefusedTogether() {
		long person = records.fugitive("Test Photo Nothing", "AT_LARGE");
		MvcTestResult result = mvc.perform(MockMvcRequestBuilders.multipart("/fugitives/{id}/photos", person)
			.file(file("", "application/octet-stream", new byte[0]))
			.with(csrf())
			.with(TestLogin.ADMIN));
		assertThat(result).hasStatus(400)
			.bodyText()
			.contains("Photo file: Choose a photo to upload.", "href=\"#file\"", "aria-invalid=\"true\"",
					"Source: A record without a source is refused: choose a source or give a new one.");
		assertThat(photos(person)).isZero();
	}

	@Test
	void theExifOfAJpegIsNotStoredAndTheThumbnailFitsIn160Pixels() {
		long person = records.fugitive("Test Photo Exif", "AT_LARGE");
		byte[] upload = TestImages.jpegWithExif(800, 600);
		assertThat(TestImages.contains(upload, "Exif")).isTrue();
		assertThat(upload(person, file("phone.jpg", "image/jpeg", upload), null)).hasStatus3xxRedirection();

		Map<String, Object> stored = jdbc.queryForMap("""
				select p.width, p.height, p.thumbnail_width, p.thumbnail_height, p.image_sha256, f.image, f.thumbnail
				from fugitive_photo p join fugitive_photo_file f on f.photo_id = p.id
				where p.fugitive_id = ?""", person);
		byte[] image = (byte[]) stored.get("image");
		byte[] thumbnail = (byte[]) stored.get("thumbnail");
		assertThat(TestImages.contains(image, "Exif")).as("no EXIF segment").isFalse();
		assertThat(TestImages.contains(image, TestImages.CAMERA)).isFalse();
		assertThat(TestImages.contains(thumbnail, "Exif")).isFalse();
		// turned upright as its EXIF said: 600 wide, 800 high
		assertThat(stored).containsEntry("width", 600)
			.containsEntry("height", 800)
			.containsEntry("thumbnail_width", 120)
			.containsEntry("thumbnail_height", 160)
			.containsEntry("image_sha256", PhotoImages.sha256(image));
		assertThat(TestImages.read(thumbnail).getWidth()).isEqualTo(120);
		assertThat(TestImages.read(thumbnail).getHeight()).isEqualTo(160);
		assertThat(TestImages.read(image).getHeight()).isEqualTo(800);
	}

	@Test
	void aWebpIsStoredAsJpegAndItsCitationClaimsAPhotoOfThePerson() {
		long person = records.fugitive("Test Photo Webp", "AT_LARGE");
		assertThat(upload(person, file("x.bin", "application/octet-stream", TestImages.LOSSY_WEBP), null))
			.hasStatus3xxRedirection();
		assertThat(jdbc.queryForMap("""
				select p.uploaded_type, p.content_type, c.claim
				from fugitive_photo p join citation c on c.id = p.citation_id
				where p.fugitive_id = ?""", person))
			.containsEntry("uploaded_type", "image/webp")
			.containsEntry("content_type", "image/jpeg")
			.containsEntry("claim", "Test Photo Webp");
	}

	@Test
	void theFirstPhotoIsPrimaryAnotherCanBeAndDeletingThePrimaryPromotesTheOldestLeft() {
		long person = records.fugitive("Test Photo Primary", "AT_LARGE");
		upload(person, file("a.png", "image/png", TestImages.png(20, 20)), "Test first");
		upload(person, file("b.png", "image/png", TestImages.png(30, 20)), "Test second");
		upload(person, file("c.png", "image/png", TestImages.png(40, 20)), "Test third");
		List<Long> ids = jdbc.queryForList("select id from fugitive_photo where fugitive_id = ? order by id",
				Long.class, person);
		assertThat(primary(person)).isEqualTo(ids.get(0));

		assertThat(mvc.post().uri("/fugitives/{id}/photos/{photoId}/primary", person, ids.get(2)).with(csrf())
			.with(TestLogin.ADMIN)).hasStatus3xxRedirection();
		assertThat(primary(person)).isEqualTo(ids.get(2));

		assertThat(mvc.post().uri("/fugitives/{id}/photos/{photoId}/delete", person, ids.get(2)).with(csrf())
			.with(TestLogin.ADMIN)).hasStatus3xxRedirection();
		assertThat(primary(person)).as("the oldest left").isEqualTo(ids.get(0));
		assertThat(jdbc.queryForObject("select count(*) from fugitive_photo_file where photo_id = ?", Integer.class,
				ids.get(2))).as("its bytes are gone").isZero();
		assertThat(jdbc.queryForObject("select count(*) from citation where fugitive_id = ? and attribute = 'photo'",
				Integer.class, person)).as("and its citation").isEqualTo(2);

		long other = records.fugitive("Test Photo Someone Else", "AT_LARGE");
		assertThat(mvc.post().uri("/fugitives/{id}/photos/{photoId}/delete", other, ids.get(0)).with(csrf())
			.with(TestLogin.ADMIN)).as("a photo of someone else").hasStatus(404);
		assertThat(photos(person)).isEqualTo(2);
	}

	@Test
	void theAuditTrailSaysAPhotoWasAddedAndDeletedAndKeepsNoBytes() {
		long person = records.fugitive("Test Photo Audit", "AT_LARGE");
		upload(person, file("a.png", "image/png", TestImages.png(64, 48)), "Test audited");
		long photo = jdbc.queryForObject("select id from fugitive_photo where fugitive_id = ?", Long.class, person);
		String sha256 = jdbc.queryForObject("select image_sha256 from fugitive_photo where id = ?", String.class,
				photo);
		mvc.post().uri("/fugitives/{id}/photos/{photoId}/delete", person, photo).with(csrf()).with(TestLogin.ADMIN)
			.exchange();

		assertThat(mvc.get().uri("/fugitives/{id}/history", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)Deleted</span>\\s*<span class=\"record-type\">Photo</span>\\s*"
					+ "<span class=\"record-name\">Test Photo Audit, photo " + photo + "</span>")
			.containsPattern("(?s)Added</span>\\s*<span class=\"record-type\">Photo</span>\\s*"
					+ "<a class=\"record-name\" href=\"/fugitives/" + person + "/photos#photo-" + photo + "\">")
			.contains("Stored as", "PNG", "64", "Test audited", sha256, "Primary photo");
		assertThat(mvc.get().uri("/audit?entity=FugitivePhoto").with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Test Photo Audit, photo " + photo);
		assertThat(jdbc.queryForObject("""
				select count(*) from information_schema.columns
				where table_name = 'fugitive_photo_aud' and data_type = 'bytea'""", Integer.class))
			.as("the trail holds no image").isZero();
	}

	@Test
	void investigatorsAndAnalystsCannotUploadOrSeeThePhotosPage() {
		long person = records.fugitive("Test Photo Roles", "AT_LARGE");
		for (TestLogin.Account account : List.of(TestLogin.INVESTIGATOR, TestLogin.ANALYST)) {
			assertThat(mvc.perform(multipart(person, file("a.png", "image/png", TestImages.png(10, 10)), null)
				.with(account))).hasStatus(403);
			assertThat(mvc.get().uri("/fugitives/{id}/photos", person).with(account)).hasStatus(403);
		}
		assertThat(photos(person)).isZero();
	}

	@Test
	void thePhotosPageAndItsErrorsRenderInChinese() {
		long person = records.fugitive("Test Photo Chinese", "AT_LARGE");
		records.photo(person, records.citableSource(), true);
		assertThat(mvc.get().uri("/fugitives/{id}/photos?lang=zh-CN", person).with(TestLogin.ADMIN)).hasStatusOk()
			.bodyText()
			.contains("Test Photo Chinese的照片", "主照片", "添加照片", "PNG 格式，4 × 3 像素")
			.doesNotContain("??");
		assertThat(mvc.perform(multipart(person, file("a.png", "image/png", "text".getBytes()), null)
			.param("lang", "zh-CN")
			.with(TestLogin.ADMIN))).hasStatus(400)
			.bodyText()
			.contains("照片文件：这不是 JPEG、PNG 或 WebP 图像");
	}

	private void assertRefused(long person, MockMultipartFile file, String error) {
		MvcTestResult result = upload(person, file, "Test refused caption");
		assertThat(result).hasStatus(400)
			.bodyText()
			.contains(error, "href=\"#file\"", "Test refused caption", "id=\"file-error\"");
		assertThat(photos(person)).as("nothing stored").isZero();
		assertThat(jdbc.queryForObject("select count(*) from citation where fugitive_id = ?", Integer.class, person))
			.as("no citation either").isZero();
	}

	private MvcTestResult upload(long person, MockMultipartFile file, String caption) {
		return mvc.perform(multipart(person, file, caption).with(TestLogin.ADMIN));
	}

	private MockMultipartHttpServletRequestBuilder multipart(long person, MockMultipartFile file, String caption) {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders
			.multipart("/fugitives/{id}/photos", person)
			.file(file);
		request.param("sourceId", String.valueOf(records.citableSource())).param("quote", "Test quote");
		if (caption != null) {
			request.param("caption", caption);
		}
		request.with(csrf());
		return request;
	}

	private static MockMultipartFile file(String name, String contentType, byte[] bytes) {
		return new MockMultipartFile("file", name, contentType, bytes);
	}

	private int photos(long person) {
		return jdbc.queryForObject("select count(*) from fugitive_photo where fugitive_id = ?", Integer.class, person);
	}

	private Long primary(long person) {
		return jdbc.queryForObject("select id from fugitive_photo where fugitive_id = ? and is_primary", Long.class,
				person);
	}

}
