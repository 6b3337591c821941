package org.fugitivetracker.synthetic;

import org.fugitivetracker.event.EventType;
import org.fugitivetracker.event.StatusFromEvents;
import org.fugitivetracker.fugitive.FugitiveStatus;

/**
 * Everything about one synthetic fugitive, drawn from a random stream seeded by (seed, index): the
 * person, the destinations, the story of events, the asset transfers, the case membership and the
 * sources cited. Because it is a pure function of its index, each table's COPY pass can draw the
 * same fugitive again instead of keeping millions of them in memory; one instance is refilled for
 * every fugitive.
 *
 * <p>
 * The story keeps the status derivable: the first event is a FLIGHT and status-changing events
 * follow in strictly later calendar years, so that, whatever the precision of their dates, they
 * stand in the order {@link StatusFromEvents#CHRONOLOGICAL} gives them (the events are sorted by date
 * and given ids in that order; where a MEETING shares a date with another event the two may swap,
 * which changes no status). The status is what {@link StatusFromEvents} makes of the events replayed
 * in that order.
 */
final class FugitivePlan {

	/** Fugitives per synthetic case: case k groups the fugitives k*20 … k*20+19, some of them participants. */
	static final int CASE_BLOCK = 20;

	static final int FIRST_FLIGHT_YEAR = 1995;

	static final int LAST_YEAR = 2024;

	static final int MAX_EVENTS = 10;

	static final int MAX_TRANSFERS = 3;

	static final int PRECISION_DAY = 0;

	static final int PRECISION_MONTH = 1;

	static final int PRECISION_YEAR = 2;

	static final String[] QUALIFIERS = { "EXACT", "MORE_THAN", "ABOUT", "UP_TO", "NEARLY" };

	private static final String[] QUALIFIER_WORDS = { "", "more than ", "about ", "up to ", "nearly " };

	private static final double[] QUALIFIER_CUMULATIVE = { 0.25, 0.50, 0.85, 0.93, 1.0 };

	// what follows the first flight (statuses: at large, at large again, in custody, returned, returned)
	private static final EventType[] STAY = {};

	/** Detained abroad, released, fled on: at large again (to a second destination if there is one). */
	private static final EventType[] DETAINED_AND_FLED_ON = { EventType.DETENTION, EventType.FLIGHT };

	private static final EventType[] DETAINED = { EventType.DETENTION };

	private static final EventType[][] DETAINED_AND_RETURNED = { { EventType.DETENTION, EventType.REPATRIATION },
			{ EventType.DETENTION, EventType.DEPORTATION }, { EventType.DETENTION, EventType.EXTRADITION },
			{ EventType.DETENTION, EventType.FORCED_REPATRIATION } };

	private static final EventType[] SURRENDERED = { EventType.SURRENDER };

	private final long seed;

	private final long fugitiveCount;

	private final int sourceCount;

	private long state;

	long index;

	boolean male;

	int surname;

	int given1;

	/** -1 for a one-character given name. */
	int given2;

	int birthYear;

	/** -1 when no age is reported. */
	int reportedAge;

	int reportedAgeDate;

	int position;

	int place;

	final int[] destinations = new int[3];

	int destinationCount;

	int eventCount;

	final EventType[] eventType = new EventType[MAX_EVENTS];

	final int[] eventDate = new int[MAX_EVENTS];

	final int[] eventPrecision = new int[MAX_EVENTS];

	final int[] eventCountry = new int[MAX_EVENTS];

	final boolean[] eventOnCase = new boolean[MAX_EVENTS];

	final int[] eventSource = new int[MAX_EVENTS];

	FugitiveStatus status;

	int fledDate;

	int fledPrecision;

	int transferCount;

	/** Tenths of a million in the transfer's currency; -1 where the amount is unspecified. */
	final long[] transferTenthsOfMillion = new long[MAX_TRANSFERS];

	final boolean[] transferInUsd = new boolean[MAX_TRANSFERS];

	final int[] transferQualifier = new int[MAX_TRANSFERS];

	final int[] transferCountry = new int[MAX_TRANSFERS];

	final int[] transferChannel = new int[MAX_TRANSFERS];

	final int[] transferSource = new int[MAX_TRANSFERS];

	/** The case this fugitive takes part in, or -1. */
	long caseIndex;

	int caseRole;

	int fugitiveSource;

	// scratch space for building the story before it is sorted by date
	private final EventType[] storyType = new EventType[MAX_EVENTS];

	private final int[] storyDate = new int[MAX_EVENTS];

	private final int[] storyPrecision = new int[MAX_EVENTS];

	private final int[] storyCountry = new int[MAX_EVENTS];

	FugitivePlan(long seed, long fugitiveCount, int sourceCount) {
		this.seed = seed;
		this.fugitiveCount = fugitiveCount;
		this.sourceCount = sourceCount;
	}

	static long caseCount(long fugitiveCount) {
		return (fugitiveCount + CASE_BLOCK - 1) / CASE_BLOCK;
	}

	FugitivePlan fill(long index) {
		this.index = index;
		state = mix(seed ^ 0x632BE59BD9B4E019L) + index * 0xD1B54A32D192ED03L;
		male = nextDouble() < 0.85;
		surname = sample(Vocabulary.SURNAME_CUMULATIVE);
		int givenNames = male ? Vocabulary.GIVEN_MALE.length : Vocabulary.GIVEN_FEMALE.length;
		given1 = nextInt(givenNames);
		given2 = (nextDouble() < 0.7) ? nextInt(givenNames) : -1;
		birthYear = 1940 + nextInt(36);
		position = nextInt(Vocabulary.POSITIONS.length);
		place = nextInt(Vocabulary.PLACES.length);
		drawDestinations();
		drawStory();
		drawReportedAge();
		drawTransfers();
		drawCase();
		fugitiveSource = nextInt(sourceCount);
		return this;
	}

	private void drawDestinations() {
		double d = nextDouble();
		destinationCount = (d < 0.85) ? 1 : (d < 0.98) ? 2 : 3;
		for (int i = 0; i < destinationCount; i++) {
			int country;
			boolean repeated;
			do {
				country = sample(Vocabulary.DESTINATION_CUMULATIVE);
				repeated = false;
				for (int j = 0; j < i; j++) {
					repeated |= destinations[j] == country;
				}
			}
			while (repeated);
			destinations[i] = country;
		}
	}

	private void drawStory() {
		int flightYear = FIRST_FLIGHT_YEAR + nextInt(LAST_YEAR - FIRST_FLIGHT_YEAR - 1);
		int n = 0;
		int year = flightYear;
		int country = destinations[0];
		n = addStory(n, EventType.FLIGHT, year, country);
		double outcome = nextDouble();
		EventType[] then;
		if (outcome < 0.62) {
			then = STAY;
		}
		else if (outcome < 0.70) {
			then = DETAINED_AND_FLED_ON;
		}
		else if (outcome < 0.80) {
			then = DETAINED;
		}
		else if (outcome < 0.92) {
			then = DETAINED_AND_RETURNED[nextInt(DETAINED_AND_RETURNED.length)];
		}
		else {
			then = SURRENDERED;
		}
		for (EventType type : then) {
			year += 1 + nextInt(4);
			if (year > LAST_YEAR) {
				break; // the story has not got there yet
			}
			if (type == EventType.FLIGHT) {
				country = destinations[(destinationCount > 1) ? 1 : 0];
			}
			n = addStory(n, type, year, country);
		}
		int meetings = 1 + nextInt(6);
		for (int i = 0; i < meetings && n < MAX_EVENTS; i++) {
			n = addStory(n, EventType.MEETING, flightYear + 1 + nextInt(LAST_YEAR - flightYear), destinations[0]);
		}
		// stable insertion sort by date: the status-changing events are already in order
		eventCount = n;
		for (int i = 0; i < n; i++) {
			int j = i;
			while (j > 0 && eventDate[j - 1] > storyDate[i]) {
				copyEvent(j - 1, j);
				j--;
			}
			eventType[j] = storyType[i];
			eventDate[j] = storyDate[i];
			eventPrecision[j] = storyPrecision[i];
			eventCountry[j] = storyCountry[i];
		}
		status = StatusFromEvents.WITHOUT_EVENTS;
		for (int i = 0; i < n; i++) {
			eventSource[i] = nextInt(sourceCount);
			status = StatusFromEvents.after(status, eventType[i]);
		}
		fledDate = storyDate[0];
		fledPrecision = storyPrecision[0];
	}

	private void copyEvent(int from, int to) {
		eventType[to] = eventType[from];
		eventDate[to] = eventDate[from];
		eventPrecision[to] = eventPrecision[from];
		eventCountry[to] = eventCountry[from];
	}

	private int addStory(int n, EventType type, int year, int country) {
		double p = nextDouble();
		int precision = (p < 0.5) ? PRECISION_DAY : (p < 0.85) ? PRECISION_MONTH : PRECISION_YEAR;
		int month = 1 + nextInt(12);
		int day = 1 + nextInt(28);
		storyType[n] = type;
		storyPrecision[n] = precision;
		storyDate[n] = switch (precision) {
			case PRECISION_DAY -> year * 10000 + month * 100 + day;
			case PRECISION_MONTH -> year * 10000 + month * 100 + 1;
			default -> year * 10000 + 101;
		};
		storyCountry[n] = country;
		return n + 1;
	}

	private void drawReportedAge() {
		if (nextDouble() < 0.1) {
			int year = fledDate / 10000 + nextInt(LAST_YEAR - fledDate / 10000 + 1);
			reportedAgeDate = year * 10000 + (1 + nextInt(12)) * 100 + 1 + nextInt(28);
			reportedAge = year - birthYear;
		}
		else {
			reportedAge = -1;
			reportedAgeDate = 0;
		}
	}

	private void drawTransfers() {
		double t = nextDouble();
		transferCount = (t < 0.25) ? 0 : (t < 0.80) ? 1 : (t < 0.95) ? 2 : 3;
		for (int i = 0; i < transferCount; i++) {
			if (nextDouble() < 0.05) {
				transferTenthsOfMillion[i] = -1;
			}
			else {
				// log-uniform between 0.5 and 2,000 million
				transferTenthsOfMillion[i] = Math.round(Math.exp(Math.log(5) + nextDouble() * Math.log(4000)));
			}
			transferInUsd[i] = nextDouble() < 0.2;
			transferQualifier[i] = sample(QUALIFIER_CUMULATIVE);
			transferCountry[i] = destinations[nextInt(destinationCount)];
			transferChannel[i] = nextInt(Vocabulary.CHANNELS.length);
			transferSource[i] = nextInt(sourceCount);
		}
	}

	private void drawCase() {
		long block = index / CASE_BLOCK;
		int positionInBlock = (int) (index % CASE_BLOCK);
		if (positionInBlock < participantsOfCase(block)) {
			caseIndex = block;
			caseRole = (positionInBlock == 0) ? 0 : 1 + nextInt(Vocabulary.PARTICIPANT_ROLES.length - 1);
		}
		else {
			caseIndex = -1;
			caseRole = -1;
		}
		for (int i = 0; i < eventCount; i++) {
			eventOnCase[i] = caseIndex >= 0 && eventType[i] == EventType.MEETING;
		}
	}

	/** 1 to 5 participants, the first fugitive of the block being the principal. */
	int participantsOfCase(long block) {
		long blockSize = Math.min(CASE_BLOCK, fugitiveCount - block * CASE_BLOCK);
		return 1 + (int) ((mix(seed + block * 0x9E3779B97F4A7C15L) >>> 1) % Math.min(5, blockSize));
	}

	String caseStatus(long block) {
		return Vocabulary.CASE_STATUSES[(int) ((mix(seed ^ block * 0xBF58476D1CE4E5B9L) >>> 1)
				% Vocabulary.CASE_STATUSES.length)];
	}

	int caseSource(long block) {
		return (int) ((mix(seed - block * 0x94D049BB133111EBL) >>> 1) % sourceCount);
	}

	String amountAsReported(int transfer) {
		long tenths = transferTenthsOfMillion[transfer];
		if (tenths < 0) {
			return "an undisclosed sum";
		}
		String number = (tenths / 10) + "." + (tenths % 10) + " million";
		return QUALIFIER_WORDS[transferQualifier[transfer]] + (transferInUsd[transfer] ? "US$" + number : number + " yuan");
	}

	/** Surname then given name in pinyin, as the article writes names ("Yang Xiuzhu"), then the synthetic mark. */
	void writeLatinName(CopyStream out) throws java.sql.SQLException {
		byte[][] capital = male ? Vocabulary.GIVEN_MALE_LATIN_CAPITAL : Vocabulary.GIVEN_FEMALE_LATIN_CAPITAL;
		byte[][] lower = male ? Vocabulary.GIVEN_MALE_LATIN : Vocabulary.GIVEN_FEMALE_LATIN;
		out.bytes(Vocabulary.SURNAME_LATIN[surname]).append(SPACE).append(capital[given1]);
		if (given2 >= 0) {
			out.append(lower[given2]);
		}
		out.append(Vocabulary.NAME_MARK_BYTES);
	}

	String latinName() {
		String[][] given = male ? Vocabulary.GIVEN_MALE : Vocabulary.GIVEN_FEMALE;
		String first = given[given1][1];
		String name = Vocabulary.SURNAMES[surname][1] + " " + Character.toUpperCase(first.charAt(0)) + first.substring(1)
				+ ((given2 >= 0) ? given[given2][1] : "");
		return name + Vocabulary.NAME_MARK;
	}

	/** The name in Chinese characters, surname first. */
	String nativeName() {
		String[][] given = male ? Vocabulary.GIVEN_MALE : Vocabulary.GIVEN_FEMALE;
		return Vocabulary.SURNAMES[surname][0] + given[given1][0] + ((given2 >= 0) ? given[given2][0] : "");
	}

	void writeNativeName(CopyStream out) throws java.sql.SQLException {
		byte[][] nativeGiven = male ? Vocabulary.GIVEN_MALE_NATIVE : Vocabulary.GIVEN_FEMALE_NATIVE;
		out.bytes(Vocabulary.SURNAME_NATIVE[surname]).append(nativeGiven[given1]);
		if (given2 >= 0) {
			out.append(nativeGiven[given2]);
		}
	}

	/** The name in Chinese characters, romanised: surname first, one word per character ("yang xiu zhu"). */
	String romanisedName() {
		String[] given = male ? Vocabulary.GIVEN_MALE_ROMANISED : Vocabulary.GIVEN_FEMALE_ROMANISED;
		return Vocabulary.SURNAME_ROMANISED[surname] + " " + given[given1] + ((given2 >= 0) ? " " + given[given2] : "");
	}

	/** The destination countries' codes, in the order drawn, separated by commas. */
	String destinationCodes() {
		StringBuilder codes = new StringBuilder(3 * destinationCount);
		for (int i = 0; i < destinationCount; i++) {
			if (i > 0) {
				codes.append(',');
			}
			codes.append(Vocabulary.DESTINATIONS[destinations[i]][0]);
		}
		return codes.toString();
	}

	private static final byte[] SPACE = { ' ' };

	private int sample(double[] cumulative) {
		double u = nextDouble();
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (cumulative[mid] < u) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private int nextInt(int bound) {
		return (int) ((next() >>> 1) % bound);
	}

	private double nextDouble() {
		return (next() >>> 11) * 0x1.0p-53;
	}

	/** SplitMix64: tiny, fast, and good enough for test data. */
	private long next() {
		return mix(state += 0x9E3779B97F4A7C15L);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
