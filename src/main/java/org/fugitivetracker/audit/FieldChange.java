package org.fugitivetracker.audit;

/** One field of a record, before and after a revision ("" where it had no value). */
public record FieldChange(String field, String before, String after) {

}
