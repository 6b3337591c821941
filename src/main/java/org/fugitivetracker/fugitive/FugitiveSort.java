package org.fugitivetracker.fugitive;

import java.util.Locale;

/**
 * The order of the list, as {@code sort=name,asc}: one property and a direction; ties are broken
 * by id in the same direction so that paging is stable. Each order is served by an index (see V4).
 */
public record FugitiveSort(Property property, boolean ascending) {

	public static final FugitiveSort DEFAULT = new FugitiveSort(Property.NAME, true);

	public enum Property {

		NAME, STATUS, FLED;

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static FugitiveSort parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		String[] parts = text.strip().split(",", -1);
		Property property = switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
			case "name" -> Property.NAME;
			case "status" -> Property.STATUS;
			case "fled" -> Property.FLED;
			default -> throw invalid(text);
		};
		if (parts.length > 2) {
			throw invalid(text);
		}
		String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		return switch (direction) {
			case "asc" -> new FugitiveSort(property, true);
			case "desc" -> new FugitiveSort(property, false);
			default -> throw invalid(text);
		};
	}

	private static InvalidFilterException invalid(String text) {
		return new InvalidFilterException("sort", "analyst.filter.error.sort",
				"'" + text + "' is not a sort order; use name, status or fled, optionally followed by ,asc or ,desc.",
				text);
	}

	/** The URL form, {@code name,asc}. */
	public String param() {
		return property.param() + "," + (ascending ? "asc" : "desc");
	}

	/** ORDER BY over the given table alias; matches an index of V2/V4 column for column. */
	String orderBy(String alias) {
		String dir = ascending ? "ASC" : "DESC";
		return switch (property) {
			case NAME -> alias + ".name " + dir + ", " + alias + ".id " + dir;
			case STATUS -> alias + ".status " + dir + ", " + alias + ".name " + dir + ", " + alias + ".id " + dir;
			case FLED -> alias + ".fled_date " + dir + " NULLS LAST, " + alias + ".id " + dir;
		};
	}

}
