package org.fugitivetracker.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	AccountUserDetailsService(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No account " + username));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.roles(account.getRole().name())
			.disabled(!account.isEnabled())
			.build();
	}

}
