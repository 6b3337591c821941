package org.fugitivetracker.exchange;

import java.io.IOException;
import java.io.InputStream;

/**
 * A kind of file an import reads (CSV, FtM JSON lines). Reads a whole file once, handing each
 * person or refused line to the sink as it goes, so a file is never held in memory as objects.
 */
interface ImportFormat {

	/** Stable name of the format, as the API's {@code format} parameter and the preview say it. */
	String name();

	/** Whether a file of this name starting with these bytes is in this format. */
	boolean recognises(String fileName, byte[] head);

	void read(InputStream in, Sink sink) throws IOException;

	interface Sink {

		void person(ImportedPerson person);

		void refused(long line, ImportMessage reason);

		/**
		 * The file as a whole cannot be imported (no name column, not UTF-8): the reader stops, and
		 * nothing of the file is written. {@code line} is where it was found, 0 where unknown.
		 */
		void unusable(long line, ImportMessage reason);

	}

}
