package org.fugitivetracker.audit;

/**
 * One field of an audited record as the trail shows it: its name in the entity, the message key
 * of its label (the key the forms and the profile use), and how its value reads.
 * {@code labels} is the message prefix of an enum's or a code's labels ({@code pages.status.});
 * {@code refers} the kind of record a reference names; {@code collection} where the values are a
 * collection's, read from its audit table.
 */
record AuditedField(String name, String labelKey, Shape shape, String labels, Ref.Kind refers,
		AuditedCollection collection) {

	/** How a value reads. */
	enum Shape {

		/** Text as stored (a yes or no where the value is one). */
		TEXT,
		/** A citation's claim: one the application wrote from an event's facts in the reader's words. */
		CLAIM,
		/** A whole number, written without grouping (a year, an age, a rank). */
		NUMBER,
		/** An amount of money, written as the pages write numbers. */
		AMOUNT,
		/** A partial date at its precision. */
		DATE,
		/** A moment, to the minute, in UTC. */
		MOMENT,
		/** A country code, as the country's name. */
		COUNTRY,
		/** A code with a label in the bundle ({@code labels} + code). */
		LABELLED,
		/** Another record, by its name, linked to its page. */
		REFERENCE,
		/** A collection: of texts, countries, labelled codes, or records named by their names. */
		COLLECTION

	}

	static AuditedField of(String name, String labelKey, Shape shape) {
		return new AuditedField(name, labelKey, shape, null, null, null);
	}

	static AuditedField labelled(String name, String labelKey, String labels) {
		return new AuditedField(name, labelKey, Shape.LABELLED, labels, null, null);
	}

	static AuditedField reference(String name, String labelKey, Ref.Kind refers) {
		return new AuditedField(name, labelKey, Shape.REFERENCE, null, refers, null);
	}

	static AuditedField collection(String labelKey, AuditedCollection collection) {
		return new AuditedField(collection.field(), labelKey, Shape.COLLECTION, null, null, collection);
	}

}
