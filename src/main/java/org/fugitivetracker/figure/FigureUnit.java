package org.fugitivetracker.figure;

public enum FigureUnit {

	PERSONS, UNDERGROUND_BANKS, CNY, USD, PERCENT

}
