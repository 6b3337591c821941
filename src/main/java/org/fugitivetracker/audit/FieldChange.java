package org.fugitivetracker.audit;

/**
 * One field of a record, before and after a revision, by its label: {@code before} is null for a
 * record added, {@code after} null for one deleted.
 */
public record FieldChange(String label, Shown before, Shown after) {

}
