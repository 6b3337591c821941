package org.fugitivetracker.security;

import java.util.Locale;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account name and per client address in PostgreSQL (table
 * {@code login_throttle}), so that every instance of the application sees the same counts and
 * locks. Times are the database's {@code now()}: instances with different clocks still agree.
 */
@Service
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	static final String ACCOUNT = "ACCOUNT";

	static final String ADDRESS = "ADDRESS";

	private static final int MAX_KEY_LENGTH = 128;

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Minutes until the account or the address may try again, if either is locked now. */
	@Transactional(readOnly = true)
	public OptionalInt minutesLocked(String username, String address) {
		Integer minutes = jdbc.sql("""
				select ceil(extract(epoch from max(locked_until) - now()) / 60)::int
				from login_throttle
				where ((kind = 'ACCOUNT' and throttle_key = :account) or (kind = 'ADDRESS' and throttle_key = :address))
				  and locked_until > now()
				""")
			.param("account", key(username))
			.param("address", key(address))
			.query(Integer.class)
			.optional()
			.orElse(null);
		return minutes == null ? OptionalInt.empty() : OptionalInt.of(Math.max(1, minutes));
	}

	/**
	 * Counts one failure for the account (if a name was given) and for the address, and locks
	 * each that has reached its limit.
	 * @return minutes locked, if this failure locked the account or the address
	 */
	@Transactional
	public OptionalInt recordFailure(String username, String address) {
		purgeExpired();
		boolean locked = false;
		if (username != null) {
			locked |= countFailure(ACCOUNT, key(username), properties.maxAccountFailures());
		}
		locked |= countFailure(ADDRESS, key(address), properties.maxAddressFailures());
		return locked ? OptionalInt.of(Math.max(1, (int) Math.ceil(properties.lock().toSeconds() / 60.0)))
				: OptionalInt.empty();
	}

	/** A successful login forgets the account's failures (not the address's: one good account must not unlock an address). */
	@Transactional
	public void recordSuccess(String username) {
		forgetAccount(username);
	}

	/** An administrator who resets a password also lifts the account's lock. */
	@Transactional
	public void forgetAccount(String username) {
		jdbc.sql("delete from login_throttle where kind = 'ACCOUNT' and throttle_key = ?").param(key(username)).update();
	}

	private boolean countFailure(String kind, String key, int limit) {
		int failures = jdbc.sql("""
				insert into login_throttle as t (kind, throttle_key, failures, window_start)
				values (:kind, :key, 1, now())
				on conflict (kind, throttle_key) do update set
				  failures = case when t.window_start < now() - make_interval(secs => :window) then 1 else t.failures + 1 end,
				  window_start = case when t.window_start < now() - make_interval(secs => :window) then now() else t.window_start end
				returning failures
				""")
			.param("kind", kind)
			.param("key", key)
			.param("window", properties.window().toSeconds())
			.query(Integer.class)
			.single();
		if (failures < limit) {
			return false;
		}
		jdbc.sql("""
				update login_throttle set locked_until = now() + make_interval(secs => :lock), failures = 0, window_start = now()
				where kind = :kind and throttle_key = :key
				""")
			.param("lock", properties.lock().toSeconds())
			.param("kind", kind)
			.param("key", key)
			.update();
		log.warn("Login locked for {} after {} failures: {} {}", properties.lock(), failures,
				kind.toLowerCase(Locale.ROOT), key);
		return true;
	}

	private void purgeExpired() {
		jdbc.sql("""
				delete from login_throttle
				where window_start < now() - make_interval(secs => :window) and (locked_until is null or locked_until < now())
				""")
			.param("window", properties.window().toSeconds())
			.update();
	}

	/** Keys are stored as given, shortened; the caller has already refused names that cannot exist. */
	private static String key(String value) {
		String key = value == null ? "" : value;
		return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

}
