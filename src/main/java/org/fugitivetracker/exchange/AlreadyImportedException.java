package org.fugitivetracker.exchange;

/** A confirmation of a file already imported (a second tab, a double click): nothing is written twice. */
class AlreadyImportedException extends RuntimeException {

	private final transient ImportUploads.Upload upload;

	AlreadyImportedException(ImportUploads.Upload upload) {
		super("Upload " + upload.id() + " was imported by " + upload.importedBy() + " at " + upload.importedAt());
		this.upload = upload;
	}

	ImportUploads.Upload upload() {
		return upload;
	}

}
