package org.fugitivetracker.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The uploaded files ({@code import_upload}): written and read with plain SQL, because the file's
 * bytes are read only by the import and never belong in a persistence context.
 */
@Repository
class ImportUploads {

	/** An upload without its bytes. */
	record Upload(long id, String fileName, String format, int size, Long sourceId, String uploadedBy,
			Instant uploadedAt, String importedBy, Instant importedAt, Integer createdCount) {

		private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(java.time.ZoneOffset.UTC);

		public boolean isImported() {
			return importedAt != null;
		}

		/** When it was uploaded, as pages show it (an unambiguous, language-neutral form). */
		public String uploadedAtShown() {
			return SHOWN.format(uploadedAt);
		}

		/** When it was imported, as pages show it; null before. */
		public String importedAtShown() {
			return importedAt == null ? null : SHOWN.format(importedAt);
		}

	}

	private static final String COLUMNS = """
			id, file_name, format, octet_length(content), source_id, uploaded_by, uploaded_at, imported_by,
			imported_at, created_count""";

	private static final RowMapper<Upload> UPLOAD = ImportUploads::upload;

	private final JdbcTemplate jdbc;

	ImportUploads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long save(String fileName, String format, byte[] content, String sha256, Long sourceId, String username) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("""
					INSERT INTO import_upload (file_name, format, content, sha256, source_id, uploaded_by)
					VALUES (?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			insert.setString(1, fileName);
			insert.setString(2, format);
			insert.setBytes(3, content);
			insert.setString(4, sha256);
			insert.setObject(5, sourceId);
			insert.setString(6, username);
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	Optional<Upload> find(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_upload WHERE id = ?", UPLOAD, id).stream().findFirst();
	}

	/**
	 * The upload, locked until the end of the transaction: of two confirmations of one file (a
	 * double click, two tabs) the second does not wait for the first, which may write for minutes,
	 * but is refused at once ({@code NOWAIT}), or finds the file imported.
	 */
	Optional<Upload> lockForImport(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_upload WHERE id = ? FOR UPDATE NOWAIT", UPLOAD, id)
			.stream()
			.findFirst();
	}

	boolean sourceExists(long sourceId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM source WHERE id = ?)",
				Boolean.class, sourceId));
	}

	byte[] content(long id) {
		return jdbc.queryForObject("SELECT content FROM import_upload WHERE id = ?", byte[].class, id);
	}

	void markImported(long id, String username, int created) {
		jdbc.update("UPDATE import_upload SET imported_by = ?, imported_at = now(), created_count = ? WHERE id = ?",
				username, created, id);
	}

	/** The latest uploads, newest first. */
	List<Upload> recent(int limit) {
		return jdbc.query("SELECT " + COLUMNS + " FROM import_upload ORDER BY uploaded_at DESC, id DESC LIMIT ?",
				UPLOAD, limit);
	}

	private static Upload upload(ResultSet row, int number) throws SQLException {
		return new Upload(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
				(Long) row.getObject(5, Long.class), row.getString(6), instant(row.getTimestamp(7)), row.getString(8),
				instant(row.getTimestamp(9)), (Integer) row.getObject(10, Integer.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
