package org.fugitivetracker.exchange;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.fugitivetracker.web.FieldLabel;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a file to import: the file, its format where the uploader names it (else told by its
 * name and first bytes), and a source to cite for the rows that name none.
 */
record ImportForm(
		@FieldLabel("import.file")
		MultipartFile file,
		@FieldLabel("import.format")
		@Size(max = 10, message = "{admin.validation.size}") String format,
		@FieldLabel("import.source")
		@Positive(message = "{admin.validation.id}") Long sourceId) {

	static ImportForm blank() {
		return new ImportForm(null, null, null);
	}

}
