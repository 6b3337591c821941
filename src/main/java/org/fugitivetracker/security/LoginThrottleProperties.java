package org.fugitivetracker.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttle's limits (see {@link LoginThrottle} for what each counts and why).
 * @param maxAccountFailures failures of one account name from one address that lock that pair,
 * and failures of one account name from anywhere after which its progressive delay starts
 * @param maxAddressFailures failures from one client address, whatever the names, that lock the
 * address; higher, because several people may share one address (an office behind NAT)
 * @param window how long failures are counted
 * @param lock how long a locked pair or address waits
 * @param accountDelay the first delay of the account-wide progressive delay; it doubles with each
 * further failure
 * @param maxAccountDelay the longest that delay grows
 * @param knownAddressExpiry how long an address an account logged in from stays exempt from that
 * delay after its last successful login
 */
@ConfigurationProperties("app.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int maxAccountFailures, @DefaultValue("20") int maxAddressFailures,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lock,
		@DefaultValue("1s") Duration accountDelay, @DefaultValue("15m") Duration maxAccountDelay,
		@DefaultValue("30d") Duration knownAddressExpiry) {

}
