package org.fugitivetracker.casefile;

/** A case one person is in, and the part they play in it. */
public record Participation(CaseFile caseFile, CaseParticipant.Role role) {

}
