package org.fugitivetracker.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.fugitivetracker.fugitive.FugitiveSummary;
import org.fugitivetracker.fugitive.BulkWrites;
import org.fugitivetracker.revision.AuditReasons;
import org.fugitivetracker.revision.AuditedBatches;
import org.fugitivetracker.source.Source;
import org.fugitivetracker.web.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a file in two steps: the upload is kept and previewed (nothing written), and only the
 * admin's confirmation writes it, all of it in one transaction, audited as one revision that names
 * the file and its uploader. Both steps read the kept file the same way and judge each person by
 * {@link ImportCheck}, so what is written is what the preview showed, as the records then stand.
 * <p>
 * Bounded: a file of at most {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} rows, read as a
 * stream and judged and written {@value #BATCH} people at a time; each batch, its audit rows
 * included, is written and let go of before the next ({@link AuditedBatches}).
 */
@Service
class Importer {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_ROWS = 50_000;

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	/** An upload and what reading it found (and, after a confirmation, what was written). */
	record Outcome(ImportUploads.Upload upload, ImportTally tally) {
	}

	private final List<ImportFormat> formats;

	private final ImportUploads uploads;

	private final ImportCheck check;

	private final ImportWriter writer;

	private final AuditReasons auditReasons;

	private final EntityManager entityManager;

	private final MessageSource messages;

	private final BulkWrites bulkWrites;

	private final AuditedBatches auditedBatches;

	Importer(List<ImportFormat> formats, ImportUploads uploads, ImportCheck check, ImportWriter writer,
			AuditReasons auditReasons, EntityManager entityManager, MessageSource messages,
			BulkWrites bulkWrites, AuditedBatches auditedBatches) {
		// FtM first: a CSV reader takes any text, an FtM file is known by its first character.
		this.formats = formats.stream().sorted(Comparator.comparing(format -> !"ftm".equals(format.name()))).toList();
		this.uploads = uploads;
		this.check = check;
		this.writer = writer;
		this.auditReasons = auditReasons;
		this.entityManager = entityManager;
		this.messages = messages;
		this.bulkWrites = bulkWrites;
		this.auditedBatches = auditedBatches;
	}

	/** The names of the formats an upload may say it is in ({@code csv}, {@code ftm}). */
	List<String> formatNames() {
		return formats.stream().map(ImportFormat::name).sorted().toList();
	}

	/**
	 * Keeps an uploaded file for its preview; returns its id.
	 * @param format the format the uploader says it is in, or null to tell by its name and first bytes
	 * @param sourceId a source to cite for the rows that name none, or null
	 * @throws InvalidRecordException for an empty or too large file, an unknown format or source
	 */
	@Transactional
	long upload(UploadedFile file, String format, Long sourceId, String username) {
		List<Violation> violations = new ArrayList<>();
		String fileName = file.name();
		byte[] content = file.content();
		if (file.size() == 0) {
			violations.add(Violation.of("file", "import.file.empty"));
		}
		else if (content == null || content.length > MAX_BYTES) {
			violations.add(Violation.of("file", "import.file.tooLarge", MAX_BYTES / (1024 * 1024)));
		}
		ImportFormat chosen = null;
		if (format != null && !format.isBlank() && violations.isEmpty()) {
			chosen = formats.stream().filter(f -> f.name().equals(format)).findFirst().orElse(null);
			if (chosen == null) {
				violations.add(
						Violation.of("format", "import.format.unknown", format, String.join(", ", formatNames())));
			}
		}
		else if (violations.isEmpty()) {
			byte[] head = Arrays.copyOf(content, Math.min(content.length, 64));
			chosen = formats.stream().filter(f -> f.recognises(fileName, head)).findFirst().orElse(null);
			if (chosen == null) {
				violations.add(Violation.of("file", "import.format.unrecognised"));
			}
		}
		if (sourceId != null && !uploads.sourceExists(sourceId)) {
			violations.add(Violation.of("sourceId", "admin.source.unknown", String.valueOf(sourceId)));
		}
		InvalidRecordException.throwIfAny(violations);
		return uploads.save(cleanFileName(fileName), chosen.name(), content, sha256(content), sourceId, username);
	}

	/**
	 * What the confirmation would write, and what it would refuse, without writing anything (for a
	 * file already imported, only the upload: what it wrote is in the audit trail).
	 */
	@Transactional(readOnly = true)
	Outcome preview(long id) {
		ImportUploads.Upload upload = find(id);
		ImportTally tally = new ImportTally();
		if (!upload.isImported()) {
			read(upload, tally, true, verdicts -> {
			});
		}
		return new Outcome(upload, tally);
	}

	/**
	 * Writes every person the preview accepts (and the likely duplicates too, where the admin says
	 * so), all or nothing: a row the records refuse while writing, or a file that cannot be read to
	 * its end, undoes the whole import and says where.
	 * @throws AlreadyImportedException when the file was imported before (by another tab, say)
	 * @throws ImportRefusedException when nothing was written, with the line and the reason
	 */
	@Transactional
	Outcome confirm(long id, boolean createDuplicates, String username) {
		ImportUploads.Upload upload;
		try {
			upload = uploads.lockForImport(id).orElseThrow(() -> new RecordNotFoundException("import", id));
		}
		catch (DataAccessException failure) {
			if (isLockNotAvailable(failure)) {
				throw new AlreadyImportedException(id, null);
			}
			throw failure;
		}
		if (upload.isImported()) {
			throw new AlreadyImportedException(id, upload);
		}
		// First judge the whole file against the records as they stand (as the preview did), then
		// write the rows judged to be written: the confirmation's own rows never count as duplicates.
		ImportTally tally = new ImportTally();
		BitSet toWrite = new BitSet();
		read(upload, tally, true, verdicts -> verdicts.stream()
			.filter(verdict -> verdict.outcome() == ImportCheck.Outcome.CREATE
					|| verdict.outcome() == ImportCheck.Outcome.DUPLICATE && createDuplicates)
			.forEach(verdict -> toWrite.set(Math.toIntExact(verdict.person().line()))));
		if (tally.fileProblem != null) {
			throw new ImportRefusedException(tally.fileProblem);
		}
		Source fileSource = upload.sourceId() == null ? null : entityManager.find(Source.class, upload.sourceId());
		ImportWriter.Sources sources = writer.new Sources(fileSource, upload.fileName());
		List<Long> written = new ArrayList<>();
		bulkWrites.start();
		read(upload, new ImportTally(), false, verdicts -> {
			for (ImportCheck.Verdict verdict : verdicts) {
				if (toWrite.get(Math.toIntExact(verdict.person().line()))) {
					FugitiveSummary stored = write(verdict, sources, username);
					tally.wrote(verdict.person().line(), stored.id(), stored.name());
					written.add(stored.id());
				}
			}
			// The batch and its audit rows are in the database; none of it need stay in memory.
			auditedBatches.writeAndRelease();
		});
		bulkWrites.finish(written);
		if (tally.created > 0) {
			auditReasons.attach("Import of \"" + upload.fileName() + "\" (upload " + id + "): " + tally.created
					+ " people");
		}
		uploads.markImported(id, username, tally.created);
		return new Outcome(uploads.find(id).orElseThrow(), tally);
	}

	/** The latest uploads, newest first. */
	@Transactional(readOnly = true)
	List<ImportUploads.Upload> recent() {
		return uploads.recent(20);
	}

	private ImportUploads.Upload find(long id) {
		return uploads.find(id).orElseThrow(() -> new RecordNotFoundException("import", id));
	}

	private FugitiveSummary write(ImportCheck.Verdict verdict, ImportWriter.Sources sources, String username) {
		long line = verdict.person().line();
		try {
			return writer.write(verdict, sources, username);
		}
		catch (InvalidRecordException refused) {
			Violation first = refused.getViolations().get(0);
			throw new ImportRefusedException(new ImportCheck.Reason(line, first.field(), messages
				.getMessage(first.code(), first.args(), first.code(), LocaleContextHolder.getLocale())));
		}
		catch (DataAccessException refused) {
			log.warn("The database refused line {} of an import", line, refused);
			throw new ImportRefusedException(new ImportCheck.Reason(line, null, messages
				.getMessage("import.write.refused", null, LocaleContextHolder.getLocale())));
		}
	}

	private void read(ImportUploads.Upload upload, ImportTally tally, boolean lookUpDuplicates,
			Consumer<List<ImportCheck.Verdict>> judged) {
		ImportFormat format = formats.stream()
			.filter(f -> f.name().equals(upload.format()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No reader for the format " + upload.format()));
		boolean fileNamesASource = upload.sourceId() != null;
		List<ImportedPerson> batch = new ArrayList<>(BATCH);
		Runnable judge = () -> {
			List<ImportCheck.Verdict> verdicts = check.check(batch, fileNamesASource, lookUpDuplicates);
			verdicts.forEach(tally::add);
			judged.accept(verdicts);
			batch.clear();
		};
		try {
			format.read(new ByteArrayInputStream(uploads.content(upload.id())), new ImportFormat.Sink() {

				@Override
				public void person(ImportedPerson person) {
					countRow(tally, batch, person.line());
					batch.add(person);
					if (batch.size() == BATCH) {
						judge.run();
					}
				}

				@Override
				public void refused(long line, ImportMessage reason) {
					countRow(tally, batch, line);
					tally.refuse(new ImportTally.Row(line, null, List.of(check.refused(line, reason)), List.of()));
				}

				@Override
				public void unusable(long line, ImportMessage reason) {
					tally.fileProblem = check.refused(line, reason);
				}

			});
			if (!batch.isEmpty()) {
				judge.run();
			}
		}
		catch (TooManyRows stop) {
			tally.fileProblem = check.refused(stop.line, ImportMessage.of("import.file.tooManyRows", MAX_ROWS));
		}
		catch (IOException unreadable) {
			tally.fileProblem = check.refused(0, ImportMessage.of("import.file.unreadable"));
		}
		tally.refusing.sort(Comparator.comparingLong(ImportTally.Row::line));
	}

	/** PostgreSQL's lock_not_available: the row is locked by another transaction ({@code NOWAIT}). */
	private static boolean isLockNotAvailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static void countRow(ImportTally tally, List<ImportedPerson> batch, long line) {
		if (tally.rows() + batch.size() >= MAX_ROWS) {
			throw new TooManyRows(line);
		}
	}

	/** Stops reading a file at its row past the limit. */
	private static final class TooManyRows extends RuntimeException {

		private final long line;

		TooManyRows(long line) {
			super(null, null, false, false);
			this.line = line;
		}

	}

	/** The name a file is kept under: its last path segment, without control characters, at most 255 characters. */
	static String cleanFileName(String fileName) {
		String name = fileName == null ? ""
				: fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			return "upload";
		}
		return name.length() > 255 ? name.substring(0, 255) : name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
