package org.tierslieux.coworking.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * How webhooks are sent ({@code tl.webhooks.*}). The sender runs every {@code tl.webhooks.send-every} (default
 * 10s; {@code off} stops it, as the tests do to drive it themselves).
 */
@ConfigMapping(prefix = "tl.webhooks")
public interface WebhookSettings {

    /** How often the sender runs ({@code 10s}; {@code off} stops it). Read by its {@code @Scheduled}. */
    @WithDefault("10s")
    String sendEvery();

    /**
     * The waits after the 1st, 2nd, ... failed attempt of a delivery; the last one repeats. Default 1 min, 5 min,
     * 30 min, 2 h, 6 h, 12 h.
     */
    @WithDefault("PT1M,PT5M,PT30M,PT2H,PT6H,PT12H")
    List<Duration> backoff();

    /** Attempts of one delivery before it is given up (FAILED). Default 8 (about a day and a half). */
    @WithDefault("8")
    int maxAttempts();

    /** Failed attempts in a row (any delivery) after which the subscription is disabled. Default 10. */
    @WithDefault("10")
    int disableAfter();

    /** How long one attempt may take, connection and answer together. Default 10 s. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Deliveries attempted per place per run of the sender. Default 50. */
    @WithDefault("50")
    int batch();

    /** The wait after the {@code attempts}-th failed attempt, or null when none is left. */
    default Duration retryAfter(int attempts) {
        if (attempts >= maxAttempts()) {
            return null;
        }
        List<Duration> waits = backoff();
        return waits.get(Math.min(attempts, waits.size()) - 1);
    }
}
