package org.fugitivetracker.admin;

/** One choice of a select: the submitted value and what the admin reads. */
public record Option(String value, String label) {

}
