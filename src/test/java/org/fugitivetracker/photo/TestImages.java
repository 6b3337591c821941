package org.fugitivetracker.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images the photo tests upload, made here (a WebP, which ImageIO cannot write, is a known tiny file). */
final class TestImages {

	/** A 1 × 1 lossy WebP (VP8), the sample browsers' feature tests use. */
	static final byte[] LOSSY_WEBP = Base64.getDecoder()
		.decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	/** A 1 × 1 WebP with an alpha channel (VP8X, ALPH and VP8 chunks). */
	static final byte[] TRANSPARENT_WEBP = Base64.getDecoder()
		.decode("UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4"
				+ "AAA3AAP7mtQAAAA==");

	/** The camera make the EXIF segment of {@link #jpegWithExif} names, to look for in stored bytes. */
	static final String CAMERA = "Test camera";

	private TestImages() {
	}

	static byte[] png(int width, int height) {
		return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
	}

	static byte[] jpeg(int width, int height) {
		return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	/**
	 * A JPEG with an EXIF APP1 segment right after its start: the camera's make ({@link #CAMERA})
	 * and orientation 6 (the camera was turned: shown upright, the image is turned 90° clockwise).
	 */
	static byte[] jpegWithExif(int width, int height) {
		byte[] jpeg = jpeg(width, height);
		byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + make.length);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		// 0x010F Make, ASCII, its text after the directory
		tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(8 + 2 + 2 * 12 + 4);
		// 0x0112 Orientation, SHORT, 6
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
		tiff.putInt(0);
		tiff.put(make);
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
		ByteBuffer segment = ByteBuffer.allocate(4 + exif.length);
		segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);
		return concat(concat(Arrays.copyOf(jpeg, 2), segment.array()), Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/**
	 * A decompression bomb: a valid 1 × 1 PNG whose header says {@code width} × {@code height}
	 * (with the header's checksum made right), tiny on disk, gigabytes once decoded.
	 */
	static byte[] pngClaiming(int width, int height) {
		byte[] png = png(1, 1);
		// signature (8), IHDR length (4), "IHDR" (4), then width and height
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 4 + 13);
		ByteBuffer.wrap(png, 12 + 4 + 13, 4).putInt((int) crc.getValue());
		return png;
	}

	/** The first {@code share} of a noisy image's file, as an interrupted upload leaves it. */
	static byte[] truncated(String format, double share) {
		byte[] whole = write(noise(400, 300), format);
		return Arrays.copyOf(whole, (int) (whole.length * share));
	}

	static BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean contains(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** Left half red, right half blue: which way up a stored image is shows in its pixels. */
	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.dispose();
		return image;
	}

	private static BufferedImage noise(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		return image;
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, format, bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

}
