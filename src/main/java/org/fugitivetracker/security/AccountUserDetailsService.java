package org.fugitivetracker.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for Spring Security. As a {@link UserDetailsPasswordService} it lets the login re-hash
 * a password whose stored hash the encoder considers outdated (another algorithm or a lower
 * bcrypt strength), so the default encoder can be raised without resetting anyone's password.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserAccountRepository accounts;

	AccountUserDetailsService(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No account " + username));
		return toUserDetails(account);
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		UserAccount account = accounts.findByUsername(user.getUsername())
			.orElseThrow(() -> new UsernameNotFoundException("No account " + user.getUsername()));
		account.changePasswordHash(newPasswordHash);
		return toUserDetails(account);
	}

	private static UserDetails toUserDetails(UserAccount account) {
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.roles(account.getRole().name())
			.disabled(!account.isEnabled())
			.build();
	}

}
