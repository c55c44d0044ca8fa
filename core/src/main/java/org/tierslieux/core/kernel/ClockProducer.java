package org.tierslieux.core.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * "Now" for the whole application. Domain code injects {@link Clock} and never calls {@code now()} on its
 * own; tests replace this bean with a clock they move. The clock reads the system's time, except on a thread
 * inside {@link AsOf} (the demo seeding's history), where it reads the instant that work is dated at.
 */
@ApplicationScoped
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // microseconds, as PostgreSQL keeps them: an instant reads back equal to what was written
        return new ApplicationClock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)), ZoneOffset.UTC);
    }

    /** The system clock, moved back on a thread that runs work {@link AsOf as of} an earlier instant. */
    static final class ApplicationClock extends Clock {

        private final Clock system;
        private final ZoneId zone;

        ApplicationClock(Clock system, ZoneId zone) {
            this.system = system;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            Duration back = AsOf.shift();
            Instant now = system.instant();
            return back == null ? now : now.minus(back);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new ApplicationClock(system, other);
        }
    }
}
