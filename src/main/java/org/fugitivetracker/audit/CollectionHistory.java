package org.fugitivetracker.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audited collections of the records one page shows, read in one statement per collection
 * table, and their elements as they stood at any revision up to the last one read. Envers writes
 * a collection's changes as rows of elements added (revision type 0) or removed (2).
 */
final class CollectionHistory {

	private static final int REMOVED = 2;

	private record Row(long revision, int type, Object element) {
	}

	private final Map<AuditedCollection, Map<Object, List<Row>>> rows = new HashMap<>();

	private CollectionHistory() {
	}

	/** Nothing read: for a type without collections, or a page without records. */
	static CollectionHistory none() {
		return new CollectionHistory();
	}

	/**
	 * Reads the collections of these records (their ids by audited type), every row up to
	 * {@code upTo}: one statement per collection table of the types given.
	 */
	static CollectionHistory read(JdbcTemplate jdbc, Map<Class<?>, ? extends Collection<?>> idsByType, long upTo) {
		CollectionHistory history = new CollectionHistory();
		idsByType.forEach((type, ids) -> {
			if (ids.isEmpty()) {
				return;
			}
			Long[] owners = ids.stream().map(id -> ((Number) id).longValue()).distinct().toArray(Long[]::new);
			for (AuditedCollection collection : AuditedCollection.of(type)) {
				history.rows.put(collection, read(jdbc, collection, owners, upTo));
			}
		});
		return history;
	}

	private static Map<Object, List<Row>> read(JdbcTemplate jdbc, AuditedCollection collection, Long[] owners,
			long upTo) {
		int revisionColumn = collection.elementColumns() + 2;
		Map<Object, List<Row>> byOwner = new HashMap<>();
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(collection.rowsUpTo());
			statement.setArray(1, connection.createArrayOf("bigint", owners));
			statement.setLong(2, upTo);
			return statement;
		}, (ResultSet row) -> {
			byOwner.computeIfAbsent(row.getLong(1), owner -> new ArrayList<>())
				.add(new Row(row.getLong(revisionColumn), row.getInt(revisionColumn + 1), collection.element(row)));
		});
		return byOwner;
	}

	/** The collection's elements once {@code revision} was written (sorted, so that two states compare equal). */
	List<Object> at(AuditedCollection collection, Object owner, long revision) {
		Map<Object, Boolean> present = new LinkedHashMap<>();
		List<Row> history = rows.getOrDefault(collection, Map.of())
			.getOrDefault(((Number) owner).longValue(), List.of());
		// Within one revision an element removed and added again stays: removals first.
		history.stream()
			.filter(row -> row.revision() <= revision)
			.sorted(Comparator.comparingLong(Row::revision).thenComparing(row -> row.type() == REMOVED ? 0 : 1))
			.forEach(row -> present.put(row.element(), row.type() != REMOVED));
		return present.entrySet()
			.stream()
			.filter(Map.Entry::getValue)
			.map(Map.Entry::getKey)
			.sorted(Comparator.comparing(String::valueOf))
			.toList();
	}

}
