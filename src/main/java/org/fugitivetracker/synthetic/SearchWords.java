package org.fugitivetracker.synthetic;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary as the database's {@code search_normalise()} (V4) spells it, so that the loader can
 * write each fugitive's {@code search_text} in the same COPY as the row instead of updating a
 * million rows afterwards. Every word is normalised by PostgreSQL itself, once per load: the stored
 * text is then exactly what the trigger would have made, because lower() and unaccent() map
 * character by character and the pieces are joined by spaces, as concat_ws does.
 */
final class SearchWords {

	final byte[][] surnameLatin;

	final byte[][] givenMaleLatin;

	final byte[][] givenFemaleLatin;

	/** One word: the mark every synthetic Latin name ends with. */
	final byte[][] nameMark;

	final byte[][] surnameNative;

	final byte[][] givenMaleNative;

	final byte[][] givenFemaleNative;

	final byte[][] position;

	private SearchWords(Normaliser normaliser) {
		this.surnameLatin = normaliser.add(Vocabulary.SURNAME_LATIN);
		this.givenMaleLatin = normaliser.add(Vocabulary.GIVEN_MALE_LATIN);
		this.givenFemaleLatin = normaliser.add(Vocabulary.GIVEN_FEMALE_LATIN);
		this.nameMark = normaliser.add(new byte[][] { Vocabulary.NAME_MARK_BYTES });
		this.surnameNative = normaliser.add(Vocabulary.SURNAME_NATIVE);
		this.givenMaleNative = normaliser.add(Vocabulary.GIVEN_MALE_NATIVE);
		this.givenFemaleNative = normaliser.add(Vocabulary.GIVEN_FEMALE_NATIVE);
		this.position = normaliser.add(Vocabulary.POSITION);
	}

	static SearchWords normalisedBy(Connection connection) throws SQLException {
		Normaliser normaliser = new Normaliser();
		SearchWords words = new SearchWords(normaliser);
		normaliser.run(connection);
		return words;
	}

	/**
	 * Collects every word, normalises them all in one statement, then fills the arrays it handed
	 * out (each slot is written once the statement has answered).
	 */
	private static final class Normaliser {

		private final List<String> words = new ArrayList<>();

		private final List<byte[][]> targets = new ArrayList<>();

		private final List<Integer> slots = new ArrayList<>();

		byte[][] add(byte[][] encoded) {
			byte[][] target = new byte[encoded.length][];
			for (int i = 0; i < encoded.length; i++) {
				// vocabulary words hold no backslash, tab or newline: their COPY form is their text
				words.add(new String(encoded[i], StandardCharsets.UTF_8));
				targets.add(target);
				slots.add(i);
			}
			return target;
		}

		void run(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT search_normalise(w) FROM unnest(?::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n")) {
				statement.setArray(1, connection.createArrayOf("text", words.toArray()));
				try (ResultSet result = statement.executeQuery()) {
					for (int i = 0; result.next(); i++) {
						targets.get(i)[slots.get(i)] = CopyStream.escape(result.getString(1));
					}
				}
			}
		}

	}

}
