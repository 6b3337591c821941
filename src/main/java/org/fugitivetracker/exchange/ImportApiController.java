package org.fugitivetracker.exchange;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.fugitivetracker.web.AdminApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports} (ADMIN, {@code multipart/form-data}): the import of
 * {@code /admin/import} for scripts. {@code dryRun=true} (the default) answers 200 with the preview
 * and writes nothing; {@code dryRun=false} writes what the preview accepts, all or nothing, and
 * answers 201. A file that cannot be imported at all is a 400 (the upload's rules) or a 422 (a
 * row the records refused while writing, or a file past its row limit), and nothing is written. When
 * other imports hold every turn ({@link ImportTurns}) past the queue timeout, 503 with Retry-After: the
 * upload is kept, nothing is read or written.
 */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class ImportApiController {

	static final URI REFUSED = URI.create("urn:fugitive-tracker:problem:import-refused");

	private final Importer importer;

	private final MessageSource messages;

	private final ImportTurns turns;

	ImportApiController(Importer importer, MessageSource messages, ImportTurns turns) {
		this.importer = importer;
		this.messages = messages;
		this.turns = turns;
	}

	/** What the API answers: the counts, and the first rows of each kind with their line numbers. */
	record ImportReport(long id, String fileName, String format, boolean dryRun, boolean imported, int rows,
			int toCreate, int likelyDuplicates, int refused, int warnings, int created, int rowsShownPerKind,
			List<ImportTally.Row> refusedRows, List<ImportTally.Row> duplicateRows, List<ImportTally.Row> newRows,
			List<ImportCheck.Reason> warningRows, List<ImportTally.Created> createdPeople) {

		static ImportReport of(Importer.Outcome outcome, boolean dryRun) {
			ImportUploads.Upload upload = outcome.upload();
			ImportTally tally = outcome.tally();
			return new ImportReport(upload.id(), upload.fileName(), upload.format(), dryRun, upload.isImported(),
					tally.rows(), tally.toCreate, tally.duplicates, tally.refused, tally.warnings, tally.created,
					ImportTally.SHOWN, tally.refusing, tally.duplicated, tally.creating, tally.warned,
					tally.written);
		}

	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "format", required = false) String format,
			@RequestParam(name = "sourceId", required = false) Long sourceId,
			@RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
			@RequestParam(name = "createDuplicates", defaultValue = "false") boolean createDuplicates,
			Principal user) {
		long id = importer.upload(UploadedFile.of(file), format, sourceId, user.getName());
		if (dryRun) {
			Importer.Outcome preview = turns.take(() -> importer.preview(id));
			if (preview.tally().fileProblem != null) {
				throw new ImportRefusedException(preview.tally().fileProblem);
			}
			return ResponseEntity.ok(ImportReport.of(preview, true));
		}
		Importer.Outcome written = turns.take(() -> importer.confirm(id, createDuplicates, user.getName()));
		return ResponseEntity.created(URI.create("/admin/import/" + id)).body(ImportReport.of(written, false));
	}

	/** No turn to read the file came in time (the upload is kept: its preview can be asked for later). */
	@ExceptionHandler(ImportsBusyException.class)
	ResponseEntity<ProblemDetail> busy() {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				messages.getMessage("import.busy.text", null, locale));
		problem.setTitle(messages.getMessage("import.busy.title", null, locale));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, ImportTurns.RETRY_AFTER_SECONDS)
			.body(problem);
	}

	@ExceptionHandler(ImportRefusedException.class)
	ResponseEntity<ProblemDetail> refused(ImportRefusedException refused) {
		Locale locale = LocaleContextHolder.getLocale();
		ImportCheck.Reason reason = refused.reason();
		String detail = reason.line() > 0
				? messages.getMessage("import.failed.line", new Object[] { reason.line(), reason.text() }, locale)
				: reason.text();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setType(REFUSED);
		problem.setTitle(messages.getMessage("import.failed.title", null, locale));
		problem.setProperty("line", reason.line());
		problem.setProperty("field", reason.field());
		return ResponseEntity.unprocessableContent().body(problem);
	}

}
