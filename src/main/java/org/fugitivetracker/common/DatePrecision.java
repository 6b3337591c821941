package org.fugitivetracker.common;

/** How much of a date a source gives. */
public enum DatePrecision {

	YEAR, MONTH, DAY

}
