package org.fugitivetracker.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as uploaded: its name, its size, and its bytes only when it is within the import's limit
 * (a larger one is refused by its size, never read into memory).
 */
record UploadedFile(String name, long size, byte[] content) {

	static UploadedFile of(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new UploadedFile(file == null ? null : file.getOriginalFilename(), 0, new byte[0]);
		}
		try {
			byte[] content = file.getSize() > Importer.MAX_BYTES ? null : file.getBytes();
			return new UploadedFile(file.getOriginalFilename(), file.getSize(), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
