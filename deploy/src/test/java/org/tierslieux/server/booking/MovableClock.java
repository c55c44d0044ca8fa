package org.tierslieux.server.booking;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets where it wants, installed in place of the application's for one test method (the
 * application's clock is a normal-scoped bean, so {@link QuarkusMock} swaps it and puts it back afterwards).
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    private MovableClock(Instant now) {
        this.now = now;
    }

    /** Replaces the application's clock until the end of the current test method, starting at the real now. */
    public static MovableClock install() {
        MovableClock clock = new MovableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void setTo(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application's clock stays in UTC");
    }
}
