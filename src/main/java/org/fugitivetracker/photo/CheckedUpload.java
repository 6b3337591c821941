package org.fugitivetracker.photo;

import java.util.List;

import org.fugitivetracker.common.Violation;

/** The file of an upload after {@link PhotoImages#check}: the photo to store, or why it is refused. */
record CheckedUpload(PreparedPhoto photo, List<Violation> violations) {

	static CheckedUpload accepted(PreparedPhoto photo) {
		return new CheckedUpload(photo, List.of());
	}

	static CheckedUpload refused(String code, Object... args) {
		return new CheckedUpload(null, List.of(Violation.of(PhotoForm.FILE, code, args)));
	}

}
