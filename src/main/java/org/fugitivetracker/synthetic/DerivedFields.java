package org.fugitivetracker.synthetic;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The romanised names, search text and destinations array of a round of synthetic fugitives: the
 * romanised name as the application romanises one ({@link FugitivePlan#romanisedName()}, from
 * {@code NameRomaniser}'s spelling of each character), the others as the database's own functions
 * derive them from the values the rows will hold ({@code fugitive_search_text_of} and
 * {@code fugitive_destinations_of}, which V4's triggers use too). The loader writes with those
 * triggers off, so it asks for what they would have stored instead of deriving it itself.
 *
 * <p>
 * A destinations array depends on the set of countries only, and a few thousand sets cover any
 * number of fugitives, so each set is asked for once per load.
 */
final class DerivedFields implements AutoCloseable {

	/** Fugitives per round: one statement derives their fields, then one COPY writes their rows. */
	static final int ROUND = 10_000;

	// A synthetic fugitive has no former organisation and no alias; its one romanised name is its native name's.
	private static final String SEARCH_TEXT = """
			SELECT u.n,
			       fugitive_search_text_of(u.name, u.native_name, u.former_position, NULL, NULL, ARRAY[u.romanised])
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
			     AS u(name, native_name, former_position, romanised, n)""";

	private static final String DESTINATIONS = """
			SELECT u.codes, fugitive_destinations_of(string_to_array(u.codes, ','))::text
			FROM unnest(?::text[]) AS u(codes)""";

	private final Connection connection;

	private final PreparedStatement searchTextStatement;

	private final PreparedStatement destinationsStatement;

	private final byte[][] romanisedNames = new byte[ROUND][];

	private final byte[][] searchText = new byte[ROUND][];

	private final byte[][] destinations = new byte[ROUND][];

	/** The destinations array of each list of country codes (as drawn, comma-separated) asked for so far. */
	private final Map<String, byte[]> destinationsOfCodes = new HashMap<>();

	private long first;

	private int count;

	DerivedFields(Connection connection) throws SQLException {
		this.connection = connection;
		this.searchTextStatement = connection.prepareStatement(SEARCH_TEXT);
		this.destinationsStatement = connection.prepareStatement(DESTINATIONS);
	}

	/** Asks the database for the fields of the fugitives {@code from} (inclusive) to {@code to}, drawn by the plan. */
	void derive(FugitivePlan plan, long from, long to) throws SQLException {
		int n = Math.toIntExact(to - from);
		if (n > ROUND) {
			throw new IllegalArgumentException("At most " + ROUND + " fugitives a round, not " + n);
		}
		String[] names = new String[n];
		String[] nativeNames = new String[n];
		String[] positions = new String[n];
		String[] romanised = new String[n];
		String[] codes = new String[n];
		Set<String> newCodes = new LinkedHashSet<>();
		for (int k = 0; k < n; k++) {
			plan.fill(from + k);
			names[k] = plan.latinName();
			nativeNames[k] = plan.nativeName();
			positions[k] = Vocabulary.POSITIONS[plan.position];
			romanised[k] = plan.romanisedName();
			// lower-case ASCII words: nothing to quote inside the array literal or to escape for COPY
			romanisedNames[k] = ("{\"" + romanised[k] + "\"}").getBytes(StandardCharsets.US_ASCII);
			codes[k] = plan.destinationCodes();
			if (!destinationsOfCodes.containsKey(codes[k])) {
				newCodes.add(codes[k]);
			}
		}
		searchTextStatement.setArray(1, connection.createArrayOf("text", names));
		searchTextStatement.setArray(2, connection.createArrayOf("text", nativeNames));
		searchTextStatement.setArray(3, connection.createArrayOf("text", positions));
		searchTextStatement.setArray(4, connection.createArrayOf("text", romanised));
		int answered = 0;
		try (ResultSet result = searchTextStatement.executeQuery()) {
			while (result.next()) {
				searchText[result.getInt(1) - 1] = CopyStream.escape(result.getBytes(2));
				answered++;
			}
		}
		if (!newCodes.isEmpty()) {
			destinationsStatement.setArray(1, connection.createArrayOf("text", newCodes.toArray()));
			try (ResultSet result = destinationsStatement.executeQuery()) {
				while (result.next()) {
					destinationsOfCodes.put(result.getString(1), CopyStream.escape(result.getBytes(2)));
				}
			}
		}
		if (answered != n || !destinationsOfCodes.keySet().containsAll(newCodes)) {
			throw new IllegalStateException("The database derived the fields of " + answered + " fugitives, not " + n);
		}
		for (int k = 0; k < n; k++) {
			destinations[k] = destinationsOfCodes.get(codes[k]);
		}
		first = from;
		count = n;
	}

	/** The romanised names array of fugitive {@code index} of the last round, in COPY text format. */
	byte[] romanisedNames(long index) {
		return romanisedNames[slot(index)];
	}

	/** The search text of fugitive {@code index} of the last round, in COPY text format. */
	byte[] searchText(long index) {
		return searchText[slot(index)];
	}

	/** The destinations array of fugitive {@code index} of the last round, in COPY text format. */
	byte[] destinations(long index) {
		return destinations[slot(index)];
	}

	private int slot(long index) {
		if (index < first || index >= first + count) {
			throw new IllegalArgumentException("Fugitive " + index + " is not in the round derived last");
		}
		return (int) (index - first);
	}

	@Override
	public void close() throws SQLException {
		try (searchTextStatement; destinationsStatement) {
			// closes both
		}
	}

}
