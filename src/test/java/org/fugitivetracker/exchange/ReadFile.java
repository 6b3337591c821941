package org.fugitivetracker.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a reader made of a file: its people, its refused lines and why the file is unusable, if it is. */
class ReadFile implements ImportFormat.Sink {

	record Refusal(long line, ImportMessage reason) {
	}

	final List<ImportedPerson> people = new ArrayList<>();

	final List<Refusal> refused = new ArrayList<>();

	Refusal unusable;

	static ReadFile of(ImportFormat format, byte[] content) {
		ReadFile read = new ReadFile();
		try {
			format.read(new ByteArrayInputStream(content), read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return read;
	}

	@Override
	public void person(ImportedPerson person) {
		people.add(person);
	}

	@Override
	public void refused(long line, ImportMessage reason) {
		refused.add(new Refusal(line, reason));
	}

	@Override
	public void unusable(long line, ImportMessage reason) {
		unusable = new Refusal(line, reason);
	}

}
