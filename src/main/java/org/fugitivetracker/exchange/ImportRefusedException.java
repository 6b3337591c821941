package org.fugitivetracker.exchange;

/**
 * An import that wrote nothing: the file as a whole is refused (not readable, too many rows), or
 * a row was refused while writing and the import's transaction rolled back. Says where and why.
 */
class ImportRefusedException extends RuntimeException {

	private final transient ImportCheck.Reason reason;

	ImportRefusedException(ImportCheck.Reason reason) {
		super("Import refused at line " + reason.line() + ": " + reason.text());
		this.reason = reason;
	}

	ImportCheck.Reason reason() {
		return reason;
	}

}
