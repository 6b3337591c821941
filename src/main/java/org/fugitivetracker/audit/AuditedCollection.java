package org.fugitivetracker.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.fugitive.Fugitive;

/**
 * The audited collections and their audit tables (as V5 created them). Envers loads a record's
 * collection with a query of its own per record; the trail reads each table once for every
 * record a page shows instead ({@link CollectionHistory}).
 */
enum AuditedCollection {

	ALIASES(Fugitive.class, "aliases", "fugitive_alias_aud", "fugitive_id", List.of("alias"), Element.TEXT),
	OFFENCES(Fugitive.class, "offences", "fugitive_offence_aud", "fugitive_id", List.of("offence"), Element.TEXT),
	DESTINATIONS(Fugitive.class, "destinationCountries", "fugitive_destination_aud", "fugitive_id",
			List.of("country_code"), Element.COUNTRY),
	AGENCIES(CaseFile.class, "agencies", "case_agency_aud", "case_id", List.of("agency_id"), Element.AGENCY),
	PARTICIPANTS(CaseFile.class, "participants", "case_participant_aud", "case_id", List.of("fugitive_id", "role"),
			Element.PARTICIPANT),
	CHANNELS(AssetTransfer.class, "channels", "asset_transfer_channel_aud", "asset_transfer_id", List.of("channel"),
			Element.CHANNEL);

	/** What one element of a collection is. */
	enum Element {

		TEXT, COUNTRY, CHANNEL, AGENCY, PARTICIPANT

	}

	/** A person in a case, in a role. */
	record Participant(Ref fugitive, String role) {
	}

	private final Class<?> owner;

	private final String field;

	private final String table;

	private final String ownerColumn;

	private final List<String> valueColumns;

	private final Element element;

	AuditedCollection(Class<?> owner, String field, String table, String ownerColumn, List<String> valueColumns,
			Element element) {
		this.owner = owner;
		this.field = field;
		this.table = table;
		this.ownerColumn = ownerColumn;
		this.valueColumns = valueColumns;
		this.element = element;
	}

	Class<?> owner() {
		return owner;
	}

	String field() {
		return field;
	}

	Element element() {
		return element;
	}

	/**
	 * Every audit row of the owners' collection up to a revision: owner, then the element's
	 * columns, then revision and type. The owners are a {@code bigint[]} parameter, the revision
	 * the second.
	 */
	String rowsUpTo() {
		return "select " + ownerColumn + ", " + String.join(", ", valueColumns) + ", rev, revtype from " + table
				+ " where " + ownerColumn + " = any (?) and rev <= ? order by rev";
	}

	/** How many columns an element takes in a row of {@link #rowsUpTo()}. */
	int elementColumns() {
		return valueColumns.size();
	}

	/** The element a row of {@link #rowsUpTo()} holds (its columns after the owner). */
	Object element(ResultSet row) throws SQLException {
		return switch (element) {
			case TEXT, COUNTRY, CHANNEL -> row.getString(2);
			case AGENCY -> ref(Ref.Kind.AGENCY, row.getObject(2));
			case PARTICIPANT -> new Participant(ref(Ref.Kind.FUGITIVE, row.getObject(2)), row.getString(3));
		};
	}

	private static Ref ref(Ref.Kind kind, Object id) {
		return id == null ? null : new Ref(kind, id);
	}

	/** The collections of one audited type. */
	static List<AuditedCollection> of(Class<?> type) {
		return Arrays.stream(values()).filter(collection -> collection.owner == type).toList();
	}

}
