package org.fugitivetracker.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the three bootstrap accounts when they are missing, during start-up so that nobody can
 * reach the login page before they exist. Passwords come from {@code APP_<ROLE>_PASSWORD}; where
 * one is unset a random password is generated and logged once, never stored in clear. Two
 * instances starting together on an empty database take turns (a PostgreSQL advisory lock), so
 * neither fails on the unique user name nor logs a generated password that the other one replaced.
 * An account that exists is seen without the lock, so instances restarting together do not queue;
 * where one must wait, it waits as long as another's start-up may hold the lock
 * ({@value #LOCK_WAIT}), not the second a page waits for a lock: on a loaded machine the other
 * instance's first statements alone took longer, and the instance that waited failed to start.
 */
@Component
class BootstrapAccounts implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Environment environment;

	/** Advisory lock key: any number the application uses for nothing else ("FUGI"). */
	private static final long BOOTSTRAP_LOCK = 0x46554749L;

	private static final String LOCK_WAIT = "60s";

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	BootstrapAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Environment environment,
			TransactionTemplate transaction, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.environment = environment;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		for (Role role : Role.values()) {
			String username = role.name().toLowerCase();
			ensureAccount(username, role, environment.getProperty("APP_" + role.name() + "_PASSWORD"));
		}
	}

	void ensureAccount(String username, Role role, String configuredPassword) {
		if (accounts.existsByUsername(username)) {
			ignoredPassword(username, role, configuredPassword);
			return;
		}
		transaction.executeWithoutResult(status -> {
			jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
			jdbc.queryForList("select pg_advisory_xact_lock(?)", BOOTSTRAP_LOCK);
			if (accounts.existsByUsername(username)) {
				ignoredPassword(username, role, configuredPassword);
				return;
			}
			String password = configuredPassword;
			if (password == null || password.isBlank()) {
				password = generatePassword();
				log.warn("Created bootstrap account '{}' with generated password: {}  (set APP_{}_PASSWORD to choose one)",
						username, password, role.name());
			}
			else {
				log.info("Created bootstrap account '{}' with the password from APP_{}_PASSWORD", username,
						role.name());
			}
			accounts.save(new UserAccount(username, passwordEncoder.encode(password), role));
		});
	}

	private static void ignoredPassword(String username, Role role, String configuredPassword) {
		if (configuredPassword != null && !configuredPassword.isBlank()) {
			// Only a missing account takes the variable: a password set later must not silently
			// seem to have changed one that exists.
			log.info("Bootstrap account '{}' already exists; APP_{}_PASSWORD was ignored (change the password "
					+ "at /account/password, or an administrator resets it at /admin/users)", username, role.name());
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
