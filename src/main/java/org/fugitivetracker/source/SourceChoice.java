package org.fugitivetracker.source;

/** A checked source part of a form: the existing source, or the new one to create, and the quote. */
public record SourceChoice(Source existing, String newTitle, String newUrl, String newPublisher, String quote) {

}
