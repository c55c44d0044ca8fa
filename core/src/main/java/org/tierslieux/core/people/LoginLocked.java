package org.tierslieux.core.people;

import java.time.Duration;

/**
 * Too many failed sign-ins for this account or from this address: refused without checking the password until
 * the lock ends (the login form says so, the API answers 429 with {@code Retry-After}). Carried as the cause of
 * the (final) {@code AuthenticationFailedException} that Quarkus security expects from an identity provider.
 */
public class LoginLocked extends RuntimeException {

    private final Duration retryAfter;

    LoginLocked(Duration retryAfter) {
        super("Too many failed sign-ins", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the lock ends, at least one second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
