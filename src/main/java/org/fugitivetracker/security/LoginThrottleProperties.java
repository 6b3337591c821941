package org.fugitivetracker.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins lock an account name or a client address, within which window, and for
 * how long. The address limit is higher because several people may share one address (an office
 * behind NAT); the account limit is what stops guessing one person's password.
 */
@ConfigurationProperties("app.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int maxAccountFailures, @DefaultValue("20") int maxAddressFailures,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lock) {

}
