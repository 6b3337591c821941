package org.fugitivetracker.common;

/** How a source qualifies a number: "more than 860", "about 300", "up to 800 billion". */
public enum Qualifier {

	EXACT, MORE_THAN, ABOUT, UP_TO, NEARLY, ONLY,
	/** The source gives no number at all ("billions of yuan"). */
	UNSPECIFIED

}
