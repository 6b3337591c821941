package org.fugitivetracker.casefile;

/** Where a case stands with its counterpart country, as an admin records it. */
public enum CaseStatus {

	OPEN, NEGOTIATING, JOINT_INVESTIGATION, CLOSED

}
