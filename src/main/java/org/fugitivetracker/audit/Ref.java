package org.fugitivetracker.audit;

/**
 * A record one audited record points at (an event's fugitive, a citation's source, a case's
 * agency), kept as its kind and id until the page names it ({@link RecordNames}).
 */
record Ref(Kind kind, Object id) implements Comparable<Ref> {

	/** The kinds of record the trail names. */
	enum Kind {

		FUGITIVE, CASE, EVENT, SOURCE, OPERATION, WANTED_LIST, AGENCY, COOPERATION_STEP, ASSET_TRANSFER,
		REPORTED_FIGURE, AGENCY_PARTNERSHIP, COUNTRY

	}

	@Override
	public int compareTo(Ref other) {
		int byKind = kind.compareTo(other.kind);
		return byKind != 0 ? byKind : String.valueOf(id).compareTo(String.valueOf(other.id));
	}

}
