package org.fugitivetracker.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.fugitivetracker.common.Violation;
import org.junit.jupiter.api.Test;

/**
 * What an upload becomes, without the web or the database: each rule's refusal, and the stored
 * image (type, pixels upright, no metadata) and thumbnail of an accepted one. (PhotoUploadTest
 * sends the same files through the form to PostgreSQL.)
 */
class PhotoImagesTest {

	private final PhotoImages images = new PhotoImages();

	@Test
	void aJpegIsStoredAsJpegUprightWithoutItsExifAndWithAThumbnailThatFits() {
		PreparedPhoto photo = accepted(TestImages.jpegWithExif(400, 200));

		assertThat(photo.uploadedType()).isEqualTo("image/jpeg");
		assertThat(photo.image().contentType()).isEqualTo("image/jpeg");
		assertThat(TestImages.contains(photo.image().bytes(), "Exif")).isFalse();
		assertThat(TestImages.contains(photo.image().bytes(), TestImages.CAMERA)).isFalse();
		// orientation 6: the camera was turned, so the upright image is 200 wide and 400 high,
		// its red half (the left one as stored in the upload) now at the top
		assertThat(photo.image().width()).isEqualTo(200);
		assertThat(photo.image().height()).isEqualTo(400);
		BufferedImage stored = TestImages.read(photo.image().bytes());
		assertThat(stored.getWidth()).isEqualTo(200);
		assertThat((stored.getRGB(100, 20) >> 16) & 0xff).as("red at the top").isGreaterThan(200);
		assertThat(stored.getRGB(100, 380) & 0xff).as("blue at the bottom").isGreaterThan(200);
		assertThat(photo.thumbnail().width()).isEqualTo(80);
		assertThat(photo.thumbnail().height()).isEqualTo(160);
		assertThat(TestImages.read(photo.thumbnail().bytes()).getHeight()).isEqualTo(160);
		assertThat(photo.image().sha256()).isEqualTo(PhotoImages.sha256(photo.image().bytes())).hasSize(64);
	}

	@Test
	void aPngStaysPngAndASmallOneIsItsOwnThumbnail() {
		PreparedPhoto photo = accepted(TestImages.png(120, 90));

		assertThat(photo.image().contentType()).isEqualTo("image/png");
		assertThat(photo.thumbnail().width()).isEqualTo(120);
		assertThat(photo.thumbnail().height()).isEqualTo(90);
	}

	@Test
	void aWebpBecomesJpegOrPngWhereItIsTransparent() {
		PreparedPhoto lossy = accepted(TestImages.LOSSY_WEBP);
		assertThat(lossy.uploadedType()).isEqualTo("image/webp");
		assertThat(lossy.image().contentType()).isEqualTo("image/jpeg");
		assertThat(TestImages.read(lossy.image().bytes()).getWidth()).isEqualTo(1);

		PreparedPhoto transparent = accepted(TestImages.TRANSPARENT_WEBP);
		assertThat(transparent.image().contentType()).isEqualTo("image/png");
	}

	@Test
	void eachRuleRefusesWithItsOwnMessage() {
		assertThat(refusal("not an image".getBytes())).isEqualTo("photo.file.type");
		byte[] gif = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0 };
		assertThat(refusal(gif)).as("an image, of another type").isEqualTo("photo.file.type");
		assertThat(refusal(TestImages.pngClaiming(30_000, 30_000))).isEqualTo("photo.file.tooManyPixels");
		assertThat(refusal(TestImages.truncated("png", 0.6))).isEqualTo("photo.file.unreadable");
		assertThat(refusal(TestImages.truncated("jpeg", 0.6))).isEqualTo("photo.file.unreadable");
		assertThat(refusal(new byte[0])).isEqualTo("photo.file.type");
	}

	@Test
	void theBombIsRefusedFromItsHeaderWithItsSize() {
		Violation violation = images.check(TestImages.pngClaiming(30_000, 30_000)).violations().get(0);
		assertThat(violation.field()).isEqualTo("file");
		assertThat(violation.args()).containsExactly(30_000, 30_000);
	}

	private PreparedPhoto accepted(byte[] upload) {
		CheckedUpload checked = images.check(upload);
		assertThat(checked.violations()).isEmpty();
		return checked.photo();
	}

	private String refusal(byte[] upload) {
		CheckedUpload checked = images.check(upload);
		assertThat(checked.photo()).isNull();
		return checked.violations().get(0).code();
	}

}
