package org.tierslieux.core.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * "Now" for the whole application. Domain code injects {@link Clock} and never calls {@code now()} on its
 * own; tests replace this bean with a clock they move.
 */
@ApplicationScoped
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
