package org.fugitivetracker.fugitive;

import java.util.List;

import org.fugitivetracker.source.CitesSource;

/**
 * A fugitive's profile as an admin gives it, from the form ({@link FugitiveForm}) or the API
 * ({@link FugitiveRequest}). The status is not part of it: it always follows from the events.
 */
public interface FugitiveProfileInput extends CitesSource {

	String name();

	String nativeName();

	String sex();

	Integer birthYear();

	String formerPosition();

	/** The position in Chinese, shown on the Chinese pages; optional. */
	String formerPositionZh();

	String formerOrganisation();

	String province();

	String provinceZh();

	String city();

	String cityZh();

	/** When they fled: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, or blank if unknown. */
	String fled();

	List<String> destinationCountries();

	List<String> aliasList();

	List<String> offenceList();

	/** The version the admin saw (null when adding a fugitive). */
	Long version();

	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
