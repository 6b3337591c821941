package org.fugitivetracker.exchange;

/** No turn to read or write an import file came in time: other imports held them all (503). */
class ImportsBusyException extends RuntimeException {

	ImportsBusyException() {
		super("Every import turn stayed taken for the whole queue timeout", null, false, false);
	}

}
