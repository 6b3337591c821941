package org.fugitivetracker.casefile;

import java.util.List;

/** A case as the admin pages and the write API show it after a write. */
public record CaseWriteResult(long id, String title, String titleZh, String status, String counterpartCountry,
		long version, List<Participant> participants) {

	public record Participant(long fugitiveId, String name, String nativeName, String role) {
	}

	static CaseWriteResult of(CaseFile caseFile) {
		return new CaseWriteResult(caseFile.getId(), caseFile.getTitle(), caseFile.getTitleZh(),
				caseFile.getStatus().name(),
				caseFile.getCounterpartCountry(), caseFile.getVersion(),
				caseFile.getParticipants()
					.stream()
					.map(p -> new Participant(p.getFugitive().getId(), p.getFugitive().getName(),
							p.getFugitive().getNativeName(), p.getRole().name()))
					.toList());
	}

}
