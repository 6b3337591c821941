package org.fugitivetracker.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fugitivetracker.common.PartialDate;

/**
 * Whether the sources citing one fact disagree. Two claims agree when every word of one is in the
 * other ("In April" and "April 2015"), once "last year" / "this year" are read against the
 * source's publication date and small words (on, in, at, the …) are set aside; anything else ("on
 * Sunday" against "Saturday 5 December 2015") is shown as a disagreement. The rule errs towards
 * showing a difference: it never decides which source is right.
 */
public final class ClaimComparison {

	private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "on", "in", "at", "of", "to", "from", "and",
			"by", "was", "is");

	private static final Pattern LAST_YEAR = Pattern.compile("\\blast year\\b");

	private static final Pattern THIS_YEAR = Pattern.compile("\\bthis year\\b");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private ClaimComparison() {
	}

	/** True if at least two of the citations make claims that do not agree. */
	public static boolean disagree(List<Citation> citations) {
		for (int i = 0; i < citations.size(); i++) {
			for (int j = i + 1; j < citations.size(); j++) {
				if (!agree(citations.get(i), citations.get(j))) {
					return true;
				}
			}
		}
		return false;
	}

	public static boolean agree(Citation first, Citation second) {
		return agree(first.getClaim(), first.getSource().getPublished(), second.getClaim(),
				second.getSource().getPublished());
	}

	static boolean agree(String first, PartialDate firstPublished, String second, PartialDate secondPublished) {
		Set<String> a = words(first, firstPublished);
		Set<String> b = words(second, secondPublished);
		return a.containsAll(b) || b.containsAll(a);
	}

	static Set<String> words(String claim, PartialDate published) {
		String text = claim.toLowerCase(Locale.ROOT);
		if (published != null) {
			int year = published.date().getYear();
			text = LAST_YEAR.matcher(text).replaceAll(String.valueOf(year - 1));
			text = THIS_YEAR.matcher(text).replaceAll(String.valueOf(year));
		}
		return Arrays.stream(NOT_A_WORD.split(text))
			.filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
			.collect(Collectors.toSet());
	}

}
