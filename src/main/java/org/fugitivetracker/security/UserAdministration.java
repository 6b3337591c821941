package org.fugitivetracker.security;

import java.util.List;
import java.util.Optional;

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
 * Creating, disabling and enabling accounts and setting passwords. Each write is one transaction;
 * ending sessions happens after it (Spring Session writes in transactions of its own). Every
 * change is logged with the administrator who made it. Passwords are only ever encoded here, never
 * logged; a password asked for on a form (one's own, or the administrator's before a reset) is
 * checked through the {@link LoginThrottle}, so no form is a way around it.
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

	/** Whether an account of that name exists (to say so with the form's other errors). */
	boolean isTaken(String username) {
		return accounts.existsByUsername(username);
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

	/**
	 * Sets a new password once the administrator has given their own, lifts the account's login
	 * locks and ends every session of the account. A wrong administrator password counts as a
	 * failed login of the administrator.
	 */
	Reset resetPassword(long id, String password, String byAdmin, String adminPassword, String address) {
		get(id);
		String adminHash = accounts.findByUsername(byAdmin).map(UserAccount::getPasswordHash).orElse(null);
		LoginThrottle.Outcome confirmed = throttle.check(byAdmin, address,
				() -> adminHash != null && adminPassword != null && passwordEncoder.matches(adminPassword, adminHash));
		if (confirmed instanceof LoginThrottle.Throttled throttled) {
			return Reset.throttled(new RetryAfter(throttled.retryAfter()));
		}
		if (confirmed instanceof LoginThrottle.Failed failed) {
			return failed.lockedFor().map(locked -> Reset.throttled(new RetryAfter(locked))).orElse(Reset.WRONG_ADMIN_PASSWORD);
		}
		String hash = passwordEncoder.encode(password);
		String username = transaction.execute(status -> {
			UserAccount account = get(id);
			account.changePasswordHash(hash);
			return account.getUsername();
		});
		throttle.forgetAccount(username);
		endSessions(username, null);
		log.info("Password of '{}' reset by '{}'", username, byAdmin);
		return new Reset(Reset.Outcome.DONE, username, null);
	}

	/**
	 * Disables or enables an account. A disabled account cannot log in and its sessions end at
	 * once. Nobody disables their own account, and the last enabled administrator cannot be
	 * disabled (the enabled administrators' rows are locked while they are counted, so two
	 * administrators disabling each other at the same moment cannot both succeed).
	 */
	EnabledChange setEnabled(long id, boolean enabled, String byAdmin) {
		EnabledChange change = transaction.execute(status -> {
			List<UserAccount> enabledAdmins = enabled ? List.of() : accounts.lockEnabled(Role.ADMIN);
			UserAccount account = get(id);
			if (account.isEnabled() == enabled) {
				return new EnabledChange(EnabledChange.Outcome.UNCHANGED, account.getUsername());
			}
			if (!enabled && account.getUsername().equals(byAdmin)) {
				return new EnabledChange(EnabledChange.Outcome.OWN_ACCOUNT, account.getUsername());
			}
			if (!enabled && account.getRole() == Role.ADMIN
					&& enabledAdmins.stream().noneMatch(admin -> !admin.getId().equals(account.getId()))) {
				return new EnabledChange(EnabledChange.Outcome.LAST_ADMIN, account.getUsername());
			}
			account.setEnabled(enabled);
			return new EnabledChange(EnabledChange.Outcome.CHANGED, account.getUsername());
		});
		if (change.outcome() == EnabledChange.Outcome.CHANGED) {
			if (!enabled) {
				endSessions(change.username(), null);
			}
			log.info("Account '{}' {} by '{}'", change.username(), enabled ? "enabled" : "disabled", byAdmin);
		}
		return change;
	}

	/**
	 * Replaces the user's own password when the current one is right. A wrong current password
	 * counts as a failed login, so this form cannot be used to guess it either.
	 */
	PasswordChange changeOwnPassword(String username, String currentPassword, String newPassword, String address,
			String keepSessionId) {
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new RecordNotFoundException("user", username));
		LoginThrottle.Outcome checked = throttle.check(username, address,
				() -> currentPassword != null && passwordEncoder.matches(currentPassword, account.getPasswordHash()));
		if (checked instanceof LoginThrottle.Throttled throttled) {
			return PasswordChange.locked(new RetryAfter(throttled.retryAfter()));
		}
		if (checked instanceof LoginThrottle.Failed failed) {
			return failed.lockedFor()
				.map(locked -> PasswordChange.locked(new RetryAfter(locked)))
				.orElse(PasswordChange.WRONG_CURRENT);
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
	record PasswordChange(Outcome outcome, RetryAfter retryAfter) {

		static final PasswordChange CHANGED = new PasswordChange(Outcome.CHANGED, null);

		static final PasswordChange WRONG_CURRENT = new PasswordChange(Outcome.WRONG_CURRENT, null);

		static final PasswordChange UNCHANGED = new PasswordChange(Outcome.UNCHANGED, null);

		static PasswordChange locked(RetryAfter retryAfter) {
			return new PasswordChange(Outcome.LOCKED, retryAfter);
		}

		enum Outcome {

			CHANGED, WRONG_CURRENT, UNCHANGED, LOCKED

		}

	}

	/** What became of an administrator's password reset. */
	record Reset(Outcome outcome, String username, RetryAfter retryAfter) {

		static final Reset WRONG_ADMIN_PASSWORD = new Reset(Outcome.WRONG_ADMIN_PASSWORD, null, null);

		static Reset throttled(RetryAfter retryAfter) {
			return new Reset(Outcome.THROTTLED, null, retryAfter);
		}

		enum Outcome {

			DONE, WRONG_ADMIN_PASSWORD, THROTTLED

		}

	}

	/** What became of disabling or enabling an account. */
	record EnabledChange(Outcome outcome, String username) {

		enum Outcome {

			CHANGED, UNCHANGED, OWN_ACCOUNT, LAST_ADMIN

		}

	}

}
