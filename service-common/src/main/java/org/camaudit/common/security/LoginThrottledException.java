package org.camaudit.common.security;

import java.time.Duration;

/**
 * A login refused without checking its password, because the account failed too often from this address. HTTP
 * Basic carries it as the cause of an {@code AuthenticationFailedException}, which the problem mappers answer with
 * 429 and {@code Retry-After}.
 */
public class LoginThrottledException extends RuntimeException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed logins", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long the client must wait before its next attempt is looked at. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, as the {@code Retry-After} header wants it. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
