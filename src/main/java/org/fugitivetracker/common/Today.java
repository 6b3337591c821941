package org.fugitivetracker.common;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Which day it is, for "not in the future" rules. */
public final class Today {

	/** The earliest-ahead zone (UTC+14): a date is in the future only if it is so everywhere. */
	private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

	private Today() {
	}

	/** The latest date that is already today somewhere on Earth. */
	public static LocalDate anywhere() {
		return LocalDate.now(LATEST_ZONE);
	}

	/** True when every day of {@code date} is still to come everywhere. */
	public static boolean isInTheFuture(PartialDate date) {
		return date.isCertainlyAfter(anywhere());
	}

}
