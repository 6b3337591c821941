/**
 * Accounts, roles, login, the login throttle and the HTTP security rules.
 */
@ApplicationModule(allowedDependencies = { "web" })
package org.fugitivetracker.security;

import org.springframework.modulith.ApplicationModule;
