package org.fugitivetracker.fugitive;

import java.util.List;

/**
 * A new person not stored because they may be someone already recorded; the admin may confirm
 * that they are not and add them anyway. Nothing was stored.
 */
public class LikelyDuplicateException extends RuntimeException {

	private final List<DuplicateCandidates.Candidate> candidates;

	LikelyDuplicateException(List<DuplicateCandidates.Candidate> candidates) {
		super("May be " + candidates.stream().map(candidate -> "#" + candidate.id()).toList());
		this.candidates = List.copyOf(candidates);
	}

	public List<DuplicateCandidates.Candidate> getCandidates() {
		return candidates;
	}

}
