package org.fugitivetracker.exchange;

import java.util.ArrayList;
import java.util.List;

import org.fugitivetracker.fugitive.DuplicateCandidates;

/**
 * What a file holds, counted whole and shown in part: the first {@value #SHOWN} rows of each kind,
 * so that a preview of 50 000 rows costs the memory of a page.
 */
final class ImportTally {

	static final int SHOWN = 200;

	/** A row of the preview: where it is, whom it names, and why it is refused or who it may be. */
	record Row(long line, String name, List<ImportCheck.Reason> reasons,
			List<DuplicateCandidates.Candidate> candidates) {
	}

	/** A person the confirmation wrote. */
	record Created(long line, long id, String name) {
	}

	int toCreate;

	int duplicates;

	int refused;

	int warnings;

	int created;

	/** Set when the file as a whole cannot be imported (too many rows, not readable); then nothing is written. */
	ImportCheck.Reason fileProblem;

	final List<Row> creating = new ArrayList<>();

	final List<Row> duplicated = new ArrayList<>();

	final List<Row> refusing = new ArrayList<>();

	final List<ImportCheck.Reason> warned = new ArrayList<>();

	final List<Created> written = new ArrayList<>();

	public int getToCreate() {
		return toCreate;
	}

	public int getDuplicates() {
		return duplicates;
	}

	public int getRefused() {
		return refused;
	}

	public int getWarnings() {
		return warnings;
	}

	public int getCreated() {
		return created;
	}

	public ImportCheck.Reason getFileProblem() {
		return fileProblem;
	}

	public List<Row> getCreating() {
		return creating;
	}

	public List<Row> getDuplicated() {
		return duplicated;
	}

	public List<Row> getRefusing() {
		return refusing;
	}

	public List<ImportCheck.Reason> getWarned() {
		return warned;
	}

	public List<Created> getWritten() {
		return written;
	}

	int rows() {
		return toCreate + duplicates + refused;
	}

	void add(ImportCheck.Verdict verdict) {
		String name = verdict.person().profile().name();
		switch (verdict.outcome()) {
			case CREATE -> {
				toCreate++;
				show(creating, new Row(verdict.person().line(), name, List.of(), List.of()));
			}
			case DUPLICATE -> {
				duplicates++;
				show(duplicated, new Row(verdict.person().line(), name, List.of(), verdict.candidates()));
			}
			case REFUSED -> refuse(new Row(verdict.person().line(), name, verdict.reasons(), List.of()));
		}
		warnings += verdict.warnings().size();
		verdict.warnings().forEach(warning -> show(warned, warning));
	}

	void refuse(Row row) {
		refused++;
		show(refusing, row);
	}

	void wrote(long line, long id, String name) {
		created++;
		show(written, new Created(line, id, name));
	}

	private static <T> void show(List<T> shown, T row) {
		if (shown.size() < SHOWN) {
			shown.add(row);
		}
	}

}
