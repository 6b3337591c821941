package org.fugitivetracker.web;

/** One choice of a select: the submitted value and what the admin reads. */
public record Option(String value, String label) {

}
