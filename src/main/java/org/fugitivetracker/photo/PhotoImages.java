package org.fugitivetracker.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded photo and makes what is stored of it, before any database work:
 * <ol>
 * <li>at most {@value #MAX_UPLOAD_BYTES} bytes (5 MB);</li>
 * <li>a JPEG, PNG or WebP image by its content, whatever its name says: the type is the one of the
 * ImageIO reader that recognises the bytes, the same reader that then decodes them;</li>
 * <li>at most {@value #MAX_PIXELS} pixels, read from the header before anything is decoded, so a
 * small file that would decode into gigabytes (a decompression bomb) is refused unread;</li>
 * <li>decodable to the end: a decoder error or warning (a truncated JPEG decodes with a warning
 * and grey rows) refuses the file.</li>
 * </ol>
 * What is stored is the decoded pixels encoded again, so no metadata of the upload survives
 * (EXIF with its GPS position, comments, colour profiles): JPEG stays JPEG, PNG stays PNG, and
 * WebP, which ImageIO cannot write, becomes PNG where it has transparency and JPEG otherwise. A
 * JPEG's EXIF orientation is applied to the pixels first, so a phone's upright photo stays
 * upright without it. The thumbnail is made once, here, to fit {@value #THUMBNAIL_SIZE} pixels.
 */
@Component
class PhotoImages {

	static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

	static final long MAX_PIXELS = 40_000_000L;

	static final int THUMBNAIL_SIZE = 160;

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String WEBP = "image/webp";

	/** The accepted types, by the format name of the ImageIO reader that recognises them. */
	private static final Map<String, String> ACCEPTED = Map.of("jpeg", JPEG, "png", PNG, "webp", WEBP);

	private static final float JPEG_QUALITY = 0.9f;

	private static final double BYTES_PER_MB = 1024 * 1024;

	PhotoImages() {
		// Register the TwelveMonkeys readers with the class loader that sees them (the application's,
		// at start-up), whichever thread first uses ImageIO; decode in memory, never to temporary files.
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	/** The upload checked and made ready to store, or the reason it is refused (on the form's file field). */
	CheckedUpload check(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return CheckedUpload.refused("photo.file.required");
		}
		if (file.getSize() > MAX_UPLOAD_BYTES) {
			return CheckedUpload.refused("photo.file.tooLarge", file.getSize() / BYTES_PER_MB);
		}
		byte[] upload;
		try {
			upload = file.getBytes();
		}
		catch (IOException ex) {
			return CheckedUpload.refused("photo.file.unreadable");
		}
		return check(upload);
	}

	/** As {@link #check(MultipartFile)}, for the bytes of a file within the size limit. */
	CheckedUpload check(byte[] upload) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return CheckedUpload.refused("photo.file.type");
			}
			ImageReader reader = readers.next();
			try {
				String uploadedType = ACCEPTED.get(reader.getFormatName().toLowerCase(Locale.ROOT));
				if (uploadedType == null) {
					return CheckedUpload.refused("photo.file.type");
				}
				reader.setInput(input);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					return CheckedUpload.refused("photo.file.tooManyPixels", width, height);
				}
				BufferedImage pixels = decode(reader, uploadedType);
				if (pixels == null) {
					return CheckedUpload.refused("photo.file.unreadable");
				}
				return CheckedUpload.accepted(store(pixels, uploadedType, upload.length));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// Decoders of damaged files fail in many ways (IIOException, EOFException, an index out
			// of bounds in a table the file declares): each means the file cannot be read.
			return CheckedUpload.refused("photo.file.unreadable");
		}
	}

	/** The image upright, or null where the decoder warned that the file is damaged or incomplete. */
	private static BufferedImage decode(ImageReader reader, String uploadedType) throws IOException {
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		Orientation orientation = JPEG.equals(uploadedType) ? orientation(reader) : null;
		BufferedImage pixels = reader.read(0);
		if (!warnings.isEmpty()) {
			return null;
		}
		if (orientation != null && orientation != Orientation.TOP_LEFT) {
			return ExifFilterUtils.getFilterForOrientation(orientation).apply(pixels);
		}
		return pixels;
	}

	/** The EXIF orientation of a JPEG; null where it has none or it cannot be read (the pixels decide then). */
	private static Orientation orientation(ImageReader reader) {
		try {
			return ExifUtils.getExifOrientation(reader, 0);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static PreparedPhoto store(BufferedImage pixels, String uploadedType, int uploadedBytes)
			throws IOException {
		String storedType = switch (uploadedType) {
			case WEBP -> pixels.getColorModel().hasAlpha() ? PNG : JPEG;
			default -> uploadedType;
		};
		BufferedImage image = JPEG.equals(storedType) ? opaque(pixels) : pixels;
		return new PreparedPhoto(uploadedType, uploadedBytes, encode(image, storedType),
				encode(thumbnail(image), storedType));
	}

	/** The image scaled to fit {@value #THUMBNAIL_SIZE} pixels each way, never enlarged; in steps, without aliasing. */
	static BufferedImage thumbnail(BufferedImage image) throws IOException {
		int width = image.getWidth();
		int height = image.getHeight();
		double scale = Math.min(1.0, Math.min((double) THUMBNAIL_SIZE / width, (double) THUMBNAIL_SIZE / height));
		if (scale == 1.0) {
			return image;
		}
		return Thumbnails.of(image)
			.forceSize(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)))
			.imageType(image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
			.asBufferedImage();
	}

	/** JPEG has no transparency and ImageIO writes only some pixel layouts as JPEG: others are drawn on white. */
	private static BufferedImage opaque(BufferedImage image) {
		int type = image.getType();
		if (!image.getColorModel().hasAlpha() && (type == BufferedImage.TYPE_INT_RGB
				|| type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = rgb.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, Color.WHITE, null);
		}
		finally {
			graphics.dispose();
		}
		return rgb;
	}

	/** The pixels alone, with no metadata (the writer adds only what the format needs, e.g. a JFIF header). */
	private static EncodedImage encode(BufferedImage image, String contentType) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByMIMEType(contentType).next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			if (JPEG.equals(contentType)) {
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		byte[] encoded = bytes.toByteArray();
		return new EncodedImage(contentType, encoded, image.getWidth(), image.getHeight(), sha256(encoded));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
