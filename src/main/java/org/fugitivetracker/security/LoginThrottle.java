package org.fugitivetracker.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limits password guessing (form login, HTTP Basic, and every form that asks for a password).
 * Counts live in PostgreSQL ({@code login_throttle}, database clock), so every instance sees the
 * same ones. Each attempt is counted against three counters:
 * <ul>
 * <li><b>PAIR</b>, one account name from one client address: 5 failures within 15 minutes lock
 * that name from that address for 15 minutes;</li>
 * <li><b>ADDRESS</b>, one client address whatever the names: 20 failures lock the address for 15
 * minutes (one source trying many names);</li>
 * <li><b>ACCOUNT</b>, one account name from the addresses it has never logged in from: after 5
 * failures every further attempt waits a delay that doubles with each failure (1 s, 2 s, 4 s … at
 * most 15 minutes); the count is forgotten only after 15 minutes without a failure once the delay
 * has ended.</li>
 * </ul>
 * <b>Why no hard lock of the account.</b> A lock of the account itself lets any stranger keep its
 * owner out with five wrong passwords.
 * OWASP's Authentication Cheat Sheet weighs exactly this: lock-out slows guessing but hands
 * attackers a denial of service. Here one source is stopped by the PAIR and ADDRESS locks; many
 * sources (a botnet) by the account-wide progressive delay, which allows about 15 guesses in the
 * first 17 minutes and then one per 15 minutes; and the owner is exempt from that delay
 * on any address they have logged in from within 30 days (the address-based form of OWASP's
 * "device cookies"). A stranger can therefore delay the owner only when the owner logs in from a
 * new address, by at most {@code max-account-delay}.
 * <p>
 * <b>Counted before the check.</b> An attempt is admitted before its password is hashed: one
 * short transaction locks its counters' rows (always in the same order, so two attempts never
 * deadlock), and an admitted attempt is a reservation ({@code pending}) that counts against each
 * limit like a failure until it is settled by {@link #succeeded} or {@link #failed}. So
 * simultaneous attempts cannot all pass: with a limit of 5, at most 5 passwords are checked
 * however many arrive at once. An attempt that finds the limit taken only by reservations (other
 * attempts being checked right now, e.g. a script's parallel HTTP Basic requests) waits for them
 * to settle instead of being refused; one that finds the failures at the limit is refused
 * without a check. Within one instance, attempts for the same name and address wait their turn
 * in order, and admissions are decided one at a time, so a burst waits in memory rather than in
 * the database or the connection pool.
 */
@Service
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** The counters' kinds, in the order their rows are locked. */
	enum Kind {

		ACCOUNT, ADDRESS, PAIR

	}

	private static final int MAX_KEY_LENGTH = 128;

	/** A reservation this old belongs to an attempt that will never be settled (its instance died). */
	static final Duration STALE_RESERVATION = Duration.ofMinutes(1);

	/** How long an attempt waits for others with the same counters to be checked before giving up. */
	static final Duration MAX_WAIT = Duration.ofSeconds(10);

	private static final long FIRST_PAUSE_MILLIS = 20;

	private static final long LAST_PAUSE_MILLIS = 320;

	private final ReentrantLock admissions = new ReentrantLock(true);

	private final Semaphore[] turns = new Semaphore[256];

	private final Object settlements = new Object();

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final TransactionTemplate transaction;

	private final Counter checkedRight;

	private final Counter checkedWrong;

	private final Counter refused;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, PlatformTransactionManager transactions,
			ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.properties = properties;
		// the counts must be written whatever becomes of a caller's transaction
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		for (int i = 0; i < turns.length; i++) {
			turns[i] = new Semaphore(Math.max(1, properties.maxAccountFailures()), true);
		}
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.checkedRight = attempts(registry, "right");
		this.checkedWrong = attempts(registry, "wrong");
		this.refused = attempts(registry, "refused");
	}

	/** {@code app_login_attempts_total{outcome}}: passwords checked (right, wrong) and attempts refused unchecked. */
	private static Counter attempts(MeterRegistry registry, String outcome) {
		return Counter.builder("app.login.attempts")
			.description("Login attempts: passwords checked (right or wrong) and attempts refused without a check")
			.tag("outcome", outcome)
			.register(registry);
	}

	/** What {@link #admit} decided. */
	sealed interface Admission permits Admitted, Refused {
	}

	/** The attempt may check its password; settle it (once) with {@link #succeeded}, {@link #failed} or {@link #release}. */
	static final class Admitted implements Admission {

		private final String username;

		private final String address;

		private final List<Key> keys;

		private final Semaphore turn;

		private final AtomicBoolean settled = new AtomicBoolean();

		Admitted(String username, String address, List<Key> keys, Semaphore turn) {
			this.username = username;
			this.address = address;
			this.keys = keys;
			this.turn = turn;
		}

		String username() {
			return username;
		}

		String address() {
			return address;
		}

		List<Key> keys() {
			return keys;
		}

		/** True the first time only: an attempt is settled once. */
		boolean settle() {
			return settled.compareAndSet(false, true);
		}

		/** Gives this instance's turn for the name and address to the next attempt waiting. */
		void passTurn() {
			turn.release();
		}

	}

	/** The attempt is refused without a check; it may be tried again after {@code retryAfter}. */
	record Refused(Duration retryAfter) implements Admission {
	}

	/** What became of a password checked through {@link #check}. */
	sealed interface Outcome permits Passed, Failed, Throttled {
	}

	record Passed() implements Outcome {
	}

	/** A wrong password; {@code lockedFor} is set when this failure locked the pair or the address. */
	record Failed(Optional<Duration> lockedFor) implements Outcome {
	}

	record Throttled(Duration retryAfter) implements Outcome {
	}

	/**
	 * Admits an attempt, or refuses it. Waits (up to {@link #MAX_WAIT}) while its counters' limits
	 * are taken only by attempts being checked at this moment.
	 * @param username the account name tried, or null when no account can have it
	 */
	Admission admit(String username, String address) {
		List<Key> keys = keys(username, address);
		long deadline = System.nanoTime() + MAX_WAIT.toNanos();
		Semaphore turn = turns[Math.floorMod(keys.get(keys.size() - 1).hashCode(), turns.length)];
		if (!acquire(turn, deadline)) {
			refused.increment();
			return new Refused(Duration.ofSeconds(1));
		}
		boolean admitted = false;
		try {
			long pause = FIRST_PAUSE_MILLIS;
			while (true) {
				Verdict verdict = admitOneAtATime(() -> transaction.execute(status -> tryAdmit(username, address, keys)));
				if (verdict.admitted()) {
					admitted = true;
					return new Admitted(username, address, verdict.keys(), turn);
				}
				if (verdict.retryAfter() != null) {
					refused.increment();
					return new Refused(verdict.retryAfter());
				}
				if (System.nanoTime() > deadline) {
					refused.increment();
					return new Refused(Duration.ofSeconds(1));
				}
				awaitSettlement(pause);
				pause = Math.min(pause * 2, LAST_PAUSE_MILLIS);
			}
		}
		finally {
			if (!admitted) {
				turn.release();
			}
		}
	}

	/**
	 * Waits for one of this instance's turns for the name and address (first come, first
	 * served). There are as many as attempts a pair may have checked at once, so attempts of one
	 * instance queue here in order instead of all asking the database and racing for the places
	 * reservations free (20 threads of one script otherwise starved some of them past
	 * {@link #MAX_WAIT}). Names and addresses share a fixed number of queues by hash.
	 */
	private static boolean acquire(Semaphore turn, long deadline) {
		try {
			return turn.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a login check", ex);
		}
	}

	/**
	 * Admissions of this instance are decided one at a time. Each is a few milliseconds, far less
	 * than the password hash it precedes, so this costs no throughput; but a burst of attempts
	 * then waits here, not holding pooled connections while blocked on the same counter row
	 * (64 at once on a pool of 4 otherwise starved every other request of a connection).
	 */
	private Verdict admitOneAtATime(Supplier<Verdict> admission) {
		admissions.lock();
		try {
			return admission.get();
		}
		finally {
			admissions.unlock();
		}
	}

	/** Wakes the attempts of this instance waiting for others to be settled (those of other instances look again after their pause). */
	private void wakeWaiters() {
		synchronized (settlements) {
			settlements.notifyAll();
		}
	}

	private void awaitSettlement(long millis) {
		synchronized (settlements) {
			try {
				settlements.wait(millis + ThreadLocalRandom.current().nextInt(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a login check", ex);
			}
		}
	}

	/** The password was right: gives the reservations back and forgets the pair's failures. */
	void succeeded(Admitted attempt) {
		if (!attempt.settle()) {
			return;
		}
		checkedRight.increment();
		try {
			recordSuccess(attempt);
		}
		finally {
			attempt.passTurn();
			wakeWaiters();
		}
	}

	private void recordSuccess(Admitted attempt) {
		transaction.executeWithoutResult(status -> {
			for (Key key : attempt.keys()) {
				Row counter = lock(key);
				save(key.kind() == Kind.PAIR ? counter.settled().withFailures(0) : counter.settled());
			}
			if (attempt.username() != null) {
				jdbc.sql("""
						insert into login_known_address as k (username, address, last_success) values (?, ?, now())
						on conflict (username, address) do update set last_success = excluded.last_success
						where k.last_success < now() - interval '1 hour'
						""").params(attempt.username(), key(attempt.address())).update();
			}
		});
	}

	/**
	 * The password was wrong: counts the failure on each counter.
	 * @return how long the pair or the address is now locked, if this failure locked it
	 */
	Optional<Duration> failed(Admitted attempt) {
		if (!attempt.settle()) {
			return Optional.empty();
		}
		checkedWrong.increment();
		Optional<Duration> locked;
		try {
			locked = recordFailure(attempt);
		}
		finally {
			attempt.passTurn();
			wakeWaiters();
		}
		purgeExpired();
		return locked;
	}

	private Optional<Duration> recordFailure(Admitted attempt) {
		return transaction.execute(status -> {
			Duration lockedFor = null;
			for (Key key : attempt.keys()) {
				Row counter = lock(key).settled();
				Row after = afterFailure(counter);
				save(after);
				if (after.lockedUntil() != null && !after.lockedUntil().equals(counter.lockedUntil())) {
					Duration wait = Duration.between(after.now(), after.lockedUntil());
					if (key.kind() != Kind.ACCOUNT) {
						lockedFor = lockedFor == null || wait.compareTo(lockedFor) > 0 ? wait : lockedFor;
						log.warn("Login locked for {} after {} failures: {} {}", wait, limit(key.kind()),
								key.kind().name().toLowerCase(Locale.ROOT), key.value());
					}
					else {
						log.warn("Logins to '{}' from new addresses delayed by {} after {} failures", key.value(), wait,
								after.failures());
					}
				}
			}
			return Optional.ofNullable(lockedFor);
		});
	}

	/** The attempt ended before its password could be judged (the database failed): gives the reservations back. */
	void release(Admitted attempt) {
		if (!attempt.settle()) {
			return;
		}
		try {
			transaction.executeWithoutResult(status -> attempt.keys().forEach(key -> save(lock(key).settled())));
		}
		catch (RuntimeException ex) {
			log.debug("Could not give back a login reservation; it lapses after {}", STALE_RESERVATION, ex);
		}
		finally {
			attempt.passTurn();
			wakeWaiters();
		}
	}

	/**
	 * Checks a password through the throttle, as a login does: admitted first, then checked,
	 * then counted. For forms that ask for a password (one's own, or an administrator's).
	 */
	Outcome check(String username, String address, BooleanSupplier passwordMatches) {
		Admission admission = admit(username, address);
		if (admission instanceof Refused refused) {
			return new Throttled(refused.retryAfter());
		}
		Admitted attempt = (Admitted) admission;
		boolean matches;
		try {
			matches = passwordMatches.getAsBoolean();
		}
		catch (RuntimeException ex) {
			release(attempt);
			throw ex;
		}
		if (matches) {
			succeeded(attempt);
			return new Passed();
		}
		return new Failed(failed(attempt));
	}

	/** An administrator who resets a password also lifts the account's locks and delay. */
	void forgetAccount(String username) {
		transaction.executeWithoutResult(status -> {
			// ACCOUNT before PAIR: the order attempts lock them in
			jdbc.sql("delete from login_throttle where kind = 'ACCOUNT' and throttle_key = ?").param(key(username)).update();
			jdbc.sql("delete from login_throttle where kind = 'PAIR' and starts_with(throttle_key, ?)")
				.param(key(username) + PAIR_SEPARATOR)
				.update();
		});
	}

	// ------------------------------------------------------------------ the counters

	private static final String PAIR_SEPARATOR = " ";

	/** One counter's row. */
	record Key(Kind kind, String value) {
	}

	/** A counter's row as locked, with the database's {@code now()}. */
	record Row(Key key, int failures, int pending, Instant pendingSince, Instant windowStart, Instant lockedUntil,
			Instant now) {

		Row withFailures(int value) {
			return new Row(key, value, pending, pendingSince, windowStart, lockedUntil, now);
		}

		/** One reservation fewer. */
		Row settled() {
			return new Row(key, failures, Math.max(0, pending - 1), pendingSince, windowStart, lockedUntil, now);
		}

		boolean locked() {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

	}

	/** Admitted, refused for a while, or neither (wait: the limit is taken by attempts being checked). */
	private record Verdict(boolean admitted, Duration retryAfter, List<Key> keys) {

		static final Verdict WAIT = new Verdict(false, null, List.of());

	}

	private List<Key> keys(String username, String address) {
		List<Key> keys = new ArrayList<>();
		if (username != null) {
			keys.add(new Key(Kind.ACCOUNT, key(username)));
		}
		keys.add(new Key(Kind.ADDRESS, key(address)));
		if (username != null) {
			keys.add(new Key(Kind.PAIR, key(key(username) + PAIR_SEPARATOR + key(address))));
		}
		return keys; // in Kind order, the order their rows are locked in
	}

	private Verdict tryAdmit(String username, String address, List<Key> keys) {
		boolean knownAddress = username != null && jdbc.sql("""
				select exists (select 1 from login_known_address
				               where username = ? and address = ? and last_success > now() - make_interval(secs => ?))
				""").params(username, key(address), properties.knownAddressExpiry().toSeconds())
			.query(Boolean.class)
			.single();
		List<Row> counters = new ArrayList<>();
		Duration refusedFor = null;
		boolean wait = false;
		for (Key key : keys) {
			if (key.kind() == Kind.ACCOUNT && knownAddress) {
				continue; // the owner's own addresses are exempt from the account-wide delay
			}
			Row counter = refreshed(lock(key));
			counters.add(counter);
			if (counter.locked()) {
				Duration left = Duration.between(counter.now(), counter.lockedUntil());
				refusedFor = refusedFor == null || left.compareTo(refusedFor) > 0 ? left : refusedFor;
			}
			else if (!mayCheck(counter)) {
				wait = true;
			}
		}
		if (refusedFor != null) {
			return new Verdict(false, refusedFor, List.of());
		}
		if (wait) {
			return Verdict.WAIT;
		}
		for (Row counter : counters) {
			save(new Row(counter.key(), counter.failures(), counter.pending() + 1, counter.now(),
					counter.windowStart(), counter.lockedUntil(), counter.now()));
		}
		return new Verdict(true, null, counters.stream().map(Row::key).toList());
	}

	/** Below the limit, counting attempts being checked; past it, the account-wide delay lets one attempt at a time through. */
	private boolean mayCheck(Row counter) {
		int limit = limit(counter.key().kind());
		if (counter.failures() + counter.pending() < limit) {
			return true;
		}
		return counter.key().kind() == Kind.ACCOUNT && counter.failures() >= limit && counter.pending() == 0;
	}

	/**
	 * The counter with failures of an elapsed window and reservations of dead attempts forgotten.
	 * A pair's or an address's failures are forgotten when both the window and the lock are over;
	 * an account's only after a whole window without a failure once its delay has ended, so that a
	 * guesser who waits out each delay is never forgotten.
	 */
	private Row refreshed(Row counter) {
		Instant now = counter.now();
		int failures = counter.failures();
		Instant windowStart = counter.windowStart();
		Instant quietFrom = counter.lockedUntil() == null ? null
				: counter.key().kind() == Kind.ACCOUNT ? counter.lockedUntil().plus(properties.window())
						: counter.lockedUntil();
		if (!windowStart.plus(properties.window()).isAfter(now) && (quietFrom == null || !quietFrom.isAfter(now))) {
			failures = 0;
			windowStart = now;
		}
		int pending = counter.pending();
		if (pending > 0 && (counter.pendingSince() == null || !counter.pendingSince().plus(STALE_RESERVATION).isAfter(now))) {
			pending = 0;
		}
		return new Row(counter.key(), failures, pending, counter.pendingSince(), windowStart, counter.lockedUntil(),
				now);
	}

	/**
	 * One failure more. A pair or an address at its limit is locked (and starts counting afresh
	 * when the lock ends); an account past its limit is delayed, twice as long each time, and its
	 * window runs from its last failure, so a slow, steady guesser is never forgotten.
	 */
	private Row afterFailure(Row settled) {
		Row counter = refreshed(settled);
		Instant now = counter.now();
		int failures = counter.failures() + 1;
		int limit = limit(counter.key().kind());
		if (counter.key().kind() == Kind.ACCOUNT) {
			Instant notBefore = counter.lockedUntil();
			if (failures >= limit) {
				notBefore = now.plus(accountDelay(failures - limit));
			}
			return new Row(counter.key(), failures, counter.pending(), counter.pendingSince(), now, notBefore, now);
		}
		if (failures >= limit) {
			return new Row(counter.key(), 0, counter.pending(), counter.pendingSince(), now,
					now.plus(properties.lock()), now);
		}
		return new Row(counter.key(), failures, counter.pending(), counter.pendingSince(), counter.windowStart(),
				counter.lockedUntil(), now);
	}

	/** {@code account-delay} doubled {@code step} times, at most {@code max-account-delay}. */
	Duration accountDelay(int step) {
		Duration max = properties.maxAccountDelay();
		Duration delay = properties.accountDelay();
		for (int i = 0; i < step && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(max) > 0 ? max : delay;
	}

	private int limit(Kind kind) {
		return kind == Kind.ADDRESS ? properties.maxAddressFailures() : properties.maxAccountFailures();
	}

	/**
	 * Locks the counter's row (creating it if missing) for the rest of the transaction and reads
	 * it, with the database's time once the lock is held ({@code clock_timestamp()}: {@code now()}
	 * is when the transaction began, before it may have waited for the row).
	 */
	private Row lock(Key key) {
		return jdbc.sql("""
				insert into login_throttle as t (kind, throttle_key, failures, window_start)
				values (?, ?, 0, clock_timestamp())
				on conflict (kind, throttle_key) do update set failures = t.failures
				returning failures, pending, pending_since, window_start, locked_until, clock_timestamp() as now
				""").params(key.kind().name(), key.value()).query((rs, row) -> counter(key, rs)).single();
	}

	private void save(Row counter) {
		jdbc.sql("""
				update login_throttle set failures = ?, pending = ?, pending_since = ?, window_start = ?, locked_until = ?
				where kind = ? and throttle_key = ?
				""")
			.params(counter.failures(), counter.pending(), timestamp(counter.pendingSince()),
					timestamp(counter.windowStart()), timestamp(counter.lockedUntil()), counter.key().kind().name(),
					counter.key().value())
			.update();
	}

	/**
	 * Forgets counters whose window and lock are over, and addresses not logged in from for long.
	 * Rows another attempt holds are skipped, so this never waits for (or deadlocks with) one.
	 */
	private void purgeExpired() {
		try {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("""
						delete from login_throttle where (kind, throttle_key) in (
						  select kind, throttle_key from login_throttle
						  where window_start < now() - make_interval(secs => :window)
						    and (locked_until is null or locked_until < now()
						         - case when kind = 'ACCOUNT' then make_interval(secs => :window) else interval '0' end)
						    and (pending = 0 or pending_since < now() - make_interval(secs => :stale))
						  limit 1000 for update skip locked)
						""")
					.param("window", properties.window().toSeconds())
					.param("stale", STALE_RESERVATION.toSeconds())
					.update();
				jdbc.sql("delete from login_known_address where last_success < now() - make_interval(secs => ?)")
					.param(properties.knownAddressExpiry().toSeconds())
					.update();
			});
		}
		catch (RuntimeException ex) {
			log.debug("Could not purge old login throttle rows; the next failure tries again", ex);
		}
	}

	private static Row counter(Key key, ResultSet rs) throws SQLException {
		return new Row(key, rs.getInt("failures"), rs.getInt("pending"), instant(rs, "pending_since"),
				instant(rs, "window_start"), instant(rs, "locked_until"), instant(rs, "now"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** Keys are stored as given, shortened; the caller has already refused names that cannot exist. */
	private static String key(String value) {
		String key = value == null ? "" : value;
		return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

}
