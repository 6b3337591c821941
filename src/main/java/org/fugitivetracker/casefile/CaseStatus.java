package org.fugitivetracker.casefile;

public enum CaseStatus {

	OPEN, NEGOTIATING, JOINT_INVESTIGATION, CLOSED

}
