package org.fugitivetracker.security;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.fugitivetracker.web.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating accounts and setting passwords. Each write is one transaction; ending sessions
 * happens after it (Spring Session writes in transactions of its own). Passwords are only ever
 * encoded here, never logged.
 */
@Service
class UserAdministration {

	private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final TransactionTemplate transaction;

	UserAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			FindByIndexNameSessionRepository<? extends Session> sessions, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.sessions = sessions;
		this.transaction = transaction;
	}

	List<UserAccount> list() {
		return accounts.findAll(Sort.by("username"));
	}

	UserAccount get(long id) {
		return accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("user", id));
	}

	/** @return the new account, or empty when the name is taken (also by a concurrent request) */
	Optional<UserAccount> create(String username, Role role, String password, String byAdmin) {
		String hash = passwordEncoder.encode(password);
		try {
			UserAccount account = transaction.execute(status -> accounts.existsByUsername(username) ? null
					: accounts.saveAndFlush(new UserAccount(username, hash, role)));
			if (account != null) {
				log.info("Account '{}' ({}) created by '{}'", username, role, byAdmin);
			}
			return Optional.ofNullable(account);
		}
		catch (DataIntegrityViolationException ex) {
			return Optional.empty();
		}
	}

	/** Sets a new password, lifts a login lock and ends every session of the account. */
	String resetPassword(long id, String password, String byAdmin) {
		String hash = passwordEncoder.encode(password);
		String username = transaction.execute(status -> {
			UserAccount account = get(id);
			account.changePasswordHash(hash);
			return account.getUsername();
		});
		throttle.forgetAccount(username);
		endSessions(username, null);
		log.info("Password of '{}' reset by '{}'", username, byAdmin);
		return username;
	}

	/**
	 * Replaces the user's own password when the current one is right. A wrong current password
	 * counts as a failed login, so this form cannot be used to guess it either.
	 */
	PasswordChange changeOwnPassword(String username, String currentPassword, String newPassword, String address,
			String keepSessionId) {
		OptionalInt locked = throttle.minutesLocked(username, address);
		if (locked.isPresent()) {
			return PasswordChange.locked(locked.getAsInt());
		}
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new RecordNotFoundException("user", username));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			OptionalInt lockedNow = throttle.recordFailure(username, address);
			return lockedNow.isPresent() ? PasswordChange.locked(lockedNow.getAsInt()) : PasswordChange.WRONG_CURRENT;
		}
		if (currentPassword.equals(newPassword)) {
			return PasswordChange.UNCHANGED;
		}
		String hash = passwordEncoder.encode(newPassword);
		transaction.executeWithoutResult(status -> accounts.findByUsername(username)
			.orElseThrow(() -> new RecordNotFoundException("user", username))
			.changePasswordHash(hash));
		endSessions(username, keepSessionId);
		log.info("'{}' changed their own password", username);
		return PasswordChange.CHANGED;
	}

	private void endSessions(String username, String keepSessionId) {
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keepSessionId))
			.forEach(sessions::deleteById);
	}

	/** What became of a request to change one's own password. */
	record PasswordChange(Outcome outcome, int minutesLocked) {

		static final PasswordChange CHANGED = new PasswordChange(Outcome.CHANGED, 0);

		static final PasswordChange WRONG_CURRENT = new PasswordChange(Outcome.WRONG_CURRENT, 0);

		static final PasswordChange UNCHANGED = new PasswordChange(Outcome.UNCHANGED, 0);

		static PasswordChange locked(int minutes) {
			return new PasswordChange(Outcome.LOCKED, minutes);
		}

		enum Outcome {

			CHANGED, WRONG_CURRENT, UNCHANGED, LOCKED

		}

	}

}
