package org.fugitivetracker.casefile;

/** A row of the case list: the case and how many of its recorded people are in it and at large. */
public interface CaseSummary {

	Long getId();

	String getTitle();

	String getTitleZh();

	String getStatus();

	String getCounterpartCountry();

	long getParticipants();

	long getAtLarge();

}
