package org.fugitivetracker.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page or API call named a record that does not exist: a 404, never a 500. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String kind, Object id) {
		super("No " + kind + " with id " + id);
	}

}
