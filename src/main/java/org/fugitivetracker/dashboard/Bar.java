package org.fugitivetracker.dashboard;

import java.util.List;
import java.util.stream.IntStream;

/** One bar of a server-rendered chart: what it counts (a status, a country code) and how many. */
public record Bar(String key, long value, long max) {

	/** The bar's length as a share of the longest, 0 to 100. */
	public long percent() {
		return max == 0 ? 0 : value * 100 / max;
	}

	static List<Bar> scaled(List<String> keys, List<Long> values) {
		long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
		return IntStream.range(0, keys.size())
			.mapToObj(i -> new Bar(keys.get(i), values.get(i), max))
			.toList();
	}

}
