package org.camaudit.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How failed logins are slowed down. Failures are counted per account name and client address, so a guesser
 * locks out only its own attempts on one account: the same account from another address, and other accounts,
 * log in as before.
 */
@ConfigMapping(prefix = "camaudit.login-throttle")
public interface LoginThrottleConfig {

    /** Failed logins of one account from one address that are answered at once, before any delay (a person mistyping). */
    @WithDefault("5")
    int freeFailures();

    /** The first wait after the free failures; each further failure doubles it. */
    @WithDefault("1S")
    Duration initialDelay();

    /** The longest wait, however many failures follow. */
    @WithDefault("15M")
    Duration maxDelay();

    /** A pair with no failure for this long starts again from zero. */
    @WithDefault("1H")
    Duration forgetAfter();

    /**
     * At most this many account/address pairs are remembered (about 100 bytes each). When full, forgotten pairs
     * go first, then the pairs with the fewest failures, so a flood of made-up names cannot push out a real
     * guesser's record.
     */
    @WithDefault("10000")
    int maxEntries();
}
