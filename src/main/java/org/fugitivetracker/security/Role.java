package org.fugitivetracker.security;

/** What a user may do; each role includes everything the ones below it may do. */
public enum Role {

	/** Reads fugitive, case and figure pages. */
	INVESTIGATOR,
	/** Also filters and exports. */
	ANALYST,
	/** Also records and corrects everything. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
