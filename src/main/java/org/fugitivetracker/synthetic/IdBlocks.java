package org.fugitivetracker.synthetic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The ids a load will use, reserved in blocks from each table's identity sequence before any row is
 * written, so that every row can name its parents (and both parts of a parallel load can start at
 * once) without a round trip. Counting the events and transfers takes one pass of drawing every
 * fugitive ({@link FugitivePlan} is a pure function of the index).
 *
 * <p>
 * An insert by another session in the microseconds between nextval and setval would collide with a
 * block: COPY then fails on the primary key and everything rolls back.
 */
record IdBlocks(long seed, long fugitives, long cases, int sources, long events, long transfers, long sourceBase,
		long caseBase, long fugitiveBase, long eventBase, long transferBase, long citationBase) {

	/** One synthetic source per this many fugitives: the generator's stand-in for the reports it cites. */
	static final int FUGITIVES_PER_SOURCE = 1000;

	static IdBlocks reserve(Connection connection, long count, long seed) throws SQLException {
		long cases = FugitivePlan.caseCount(count);
		int sources = (int) Math.max(1, (count + FUGITIVES_PER_SOURCE - 1) / FUGITIVES_PER_SOURCE);
		FugitivePlan plan = new FugitivePlan(seed, count, sources);
		long events = 0;
		long transfers = 0;
		for (long i = 0; i < count; i++) {
			plan.fill(i);
			events += plan.eventCount;
			transfers += plan.transferCount;
		}
		return new IdBlocks(seed, count, cases, sources, events, transfers, reserve(connection, "source", sources),
				reserve(connection, "case_file", cases), reserve(connection, "fugitive", count),
				reserve(connection, "event", events), reserve(connection, "asset_transfer", transfers),
				reserve(connection, "citation", count + events + transfers + cases));
	}

	/** Takes the next {@code count} values of the table's identity sequence in one statement and returns the first. */
	private static long reserve(Connection connection, String table, long count) throws SQLException {
		if (count == 0) {
			return 0;
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1)")) {
			statement.setString(1, table);
			statement.setString(2, table);
			statement.setLong(3, count);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) - count + 1;
			}
		}
	}

}
