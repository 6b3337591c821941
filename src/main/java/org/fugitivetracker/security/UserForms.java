package org.fugitivetracker.security;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.fugitivetracker.web.FieldLabel;

/** The commands the account pages bind; passwords in them are never written back into a page. */
final class UserForms {

	private UserForms() {
	}

	/** An administrator creates an account with its first password. */
	record CreateUser(
			@FieldLabel("security.users.username") @NotNull(message = "{security.validation.username}") @Pattern(
					regexp = "[a-z0-9._-]{2,64}", message = "{security.validation.username}") String username,
			@FieldLabel("security.users.role") @NotNull(message = "{security.validation.role}") Role role,
			@FieldLabel("security.users.create.password") @Password String password) {

		static CreateUser empty() {
			return new CreateUser(null, null, null);
		}

	}

	/**
	 * An administrator sets a new password for someone who lost theirs, giving their own password
	 * first (a session left open on an unattended desk must not be enough to take over accounts).
	 */
	record ResetPassword(@FieldLabel("security.reset.password") @Password String password,
			@FieldLabel("security.password.confirm") String confirmation,
			@FieldLabel("security.reset.adminPassword") @NotEmpty(
					message = "{security.validation.adminPassword}") String adminPassword) {

		static ResetPassword empty() {
			return new ResetPassword(null, null, null);
		}

		boolean confirmed() {
			return password != null && password.equals(confirmation);
		}

	}

	/** A user replaces their own password, proving they know the current one. */
	record ChangePassword(@FieldLabel("security.password.current") String currentPassword,
			@FieldLabel("security.password.new") @Password String newPassword,
			@FieldLabel("security.password.confirm") String confirmation) {

		static ChangePassword empty() {
			return new ChangePassword(null, null, null);
		}

		boolean confirmed() {
			return newPassword != null && newPassword.equals(confirmation);
		}

	}

}
