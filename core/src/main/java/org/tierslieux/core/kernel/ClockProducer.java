package org.tierslieux.core.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * "Now" for the whole application. Domain code injects {@link Clock} and never calls {@code now()} on its
 * own; tests replace this bean with a clock they move.
 */
@ApplicationScoped
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // microseconds, as PostgreSQL keeps them: an instant reads back equal to what was written
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
