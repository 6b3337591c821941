package org.fugitivetracker.common;

import java.math.BigDecimal;

/**
 * An amount as a source states it: a number in a unit with the source's qualifier ("more than
 * 860 people"), or, where the source gives no number, its own words ("billions of yuan").
 */
public interface StatedAmount {

	/** The number, or null where the source gives only words. */
	BigDecimal statedNumber();

	Qualifier statedQualifier();

	/** The unit's code: a currency ("CNY") or a counted thing ("PERSONS"). */
	String statedUnit();

	/** The source's own words, shown where it gives no number. */
	default String statedWords() {
		return null;
	}

}
