package org.fugitivetracker;

/** Passwords the test run gives the bootstrap accounts through APP_*_PASSWORD. */
public final class TestAccounts {

	public static final String INVESTIGATOR_PASSWORD = "investigator-test-pw";

	public static final String ANALYST_PASSWORD = "analyst-test-pw";

	public static final String ADMIN_PASSWORD = "admin-test-pw";

	private TestAccounts() {
	}

}
