package org.fugitivetracker;

import java.util.UUID;

/** Names and passwords for accounts a test creates for itself (never the bootstrap ones). */
public final class TestUsers {

	private TestUsers() {
	}

	/** A fresh, valid user name starting with the prefix, e.g. {@code test-throttle-1a2b3c4d}. */
	public static String name(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A password that passes the policy and is derived from the name (so a test can check it later). */
	public static String password(String username) {
		return "pw-" + username + "-correct-horse";
	}

	/** A client address from the IPv6 documentation range (RFC 3849), different for every call. */
	public static String address() {
		UUID random = UUID.randomUUID();
		return "2001:db8::" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
				+ Long.toHexString(random.getLeastSignificantBits() & 0xffff);
	}

}
