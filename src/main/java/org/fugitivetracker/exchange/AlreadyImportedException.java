package org.fugitivetracker.exchange;

/**
 * A confirmation of a file already imported, or being imported by another request at this moment
 * (a second tab, a double click): nothing is written twice.
 */
class AlreadyImportedException extends RuntimeException {

	private final transient ImportUploads.Upload upload;

	/** @param upload the file as imported, or null while another request is importing it */
	AlreadyImportedException(long id, ImportUploads.Upload upload) {
		super(upload == null ? "Upload " + id + " is being imported by another request"
				: "Upload " + id + " was imported by " + upload.importedBy() + " at " + upload.importedAt());
		this.upload = upload;
	}

	boolean isInProgress() {
		return upload == null;
	}

}
