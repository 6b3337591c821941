package org.fugitivetracker.figure;

/** What a reported figure counts or measures: people, underground banks, yuan, dollars or a percentage. */
public enum FigureUnit {

	PERSONS, UNDERGROUND_BANKS, CNY, USD, PERCENT

}
