package org.fugitivetracker.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The citations of one fact of one subject (e.g. the date of event 4), so a page can show what
 * each source says side by side and flag where they disagree.
 */
public record CitationGroup(String attribute, List<Citation> citations, boolean disagree) {

	/** Groups one subject's citations by the attribute they support, in order of first appearance. */
	public static List<CitationGroup> byAttribute(List<Citation> citations) {
		Map<String, List<Citation>> byAttribute = new LinkedHashMap<>();
		for (Citation citation : citations) {
			byAttribute.computeIfAbsent(citation.getAttribute(), attribute -> new ArrayList<>()).add(citation);
		}
		return byAttribute.entrySet()
			.stream()
			.map(entry -> new CitationGroup(entry.getKey(), List.copyOf(entry.getValue()),
					ClaimComparison.disagree(entry.getValue())))
			.toList();
	}

	/**
	 * The citations of many subjects of one kind (e.g. every event of a timeline, read in one
	 * query), grouped by subject and then by attribute. Subjects without citations get none.
	 */
	public static Map<Long, List<CitationGroup>> bySubject(Collection<Citation> citations,
			Function<Citation, Long> subject) {
		Map<Long, List<Citation>> bySubject = new LinkedHashMap<>();
		for (Citation citation : citations) {
			bySubject.computeIfAbsent(subject.apply(citation), id -> new ArrayList<>()).add(citation);
		}
		Map<Long, List<CitationGroup>> groups = new LinkedHashMap<>();
		bySubject.forEach((id, rows) -> groups.put(id, byAttribute(rows)));
		return groups;
	}

	/** True when several citations support the fact, so they are shown side by side. */
	public boolean sideBySide() {
		return citations.size() > 1;
	}

}
