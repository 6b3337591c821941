package org.fugitivetracker.photo;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of the stored photos, in plain JDBC: they never enter Hibernate's persistence context
 * or the audit trail, and a read asks for the one column it serves. Runs in the caller's
 * transaction; a photo's row goes with its photo ({@code ON DELETE CASCADE}).
 */
@Component
class PhotoFiles {

	/** Which of a photo's two images to read. */
	enum Size {

		IMAGE("image"), THUMBNAIL("thumbnail");

		private final String column;

		Size(String column) {
			this.column = column;
		}

	}

	private final JdbcTemplate jdbc;

	PhotoFiles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(long photoId, PreparedPhoto photo) {
		jdbc.update("insert into fugitive_photo_file (photo_id, image, thumbnail) values (?, ?, ?)", photoId,
				photo.image().bytes(), photo.thumbnail().bytes());
	}

	/** The bytes of one image of the photo; null where the photo is gone. */
	byte[] read(long photoId, Size size) {
		List<byte[]> found = jdbc.query("select " + size.column + " from fugitive_photo_file where photo_id = ?",
				(row, number) -> row.getBytes(1), photoId);
		return found.isEmpty() ? null : found.get(0);
	}

}
