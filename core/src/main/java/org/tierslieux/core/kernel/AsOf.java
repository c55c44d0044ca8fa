package org.tierslieux.core.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Runs work as though it were done at an earlier instant, through the very same services and rules as a
 * request made then. While the work runs, and on the calling thread only, the application's {@link Clock}
 * reads that instant plus the time elapsed since the work began: every rule that compares with "now" (no
 * booking in the past, the booking horizon, the cancellation deadline, a session scheduled ahead, a
 * qualification's validity) compares with it, and what the work writes is dated by it (created, cancelled,
 * granted at). Nothing is written around the rules: a booking dated last Tuesday passed the checks it would
 * have passed last Tuesday, against the bookings made before it.
 *
 * <p>It exists for one purpose: the demo network's lived-in calendar, which shows weeks of past bookings
 * although {@code BookingService} refuses to book in the past. It is not reachable from a request, and the
 * application's {@code ArchitectureTest} keeps its callers to the demo seeding. Booking mails are not sent
 * for such work (see {@link #replaying()}). Work is dated in order of
 * its instants by the caller; nothing stops a caller from dating a second piece of work before the first, so
 * callers replaying history sort it first.
 */
@ApplicationScoped
public class AsOf {

    private static final ThreadLocal<Duration> SHIFT = new ThreadLocal<>();

    /** How far back this thread's clock reads, or null when it reads the system's time. */
    static Duration shift() {
        return SHIFT.get();
    }

    /**
     * Whether this thread runs work dated in the past. Side effects meant for people now (mails) are not
     * sent for it: nobody is told today of a booking "made" three weeks ago by the demo's history.
     */
    public static boolean replaying() {
        return SHIFT.get() != null;
    }

    /** Runs {@code work} with the clock reading {@code then} (not in the future), then restores it. */
    public <T> T call(Instant then, Supplier<T> work) {
        // measured against the system's time, not the shifted clock: nested work is dated where it says
        Duration back = Duration.between(then, Clock.systemUTC().instant()).truncatedTo(ChronoUnit.MICROS);
        if (back.isNegative()) {
            throw new IllegalArgumentException("Work cannot be dated in the future: " + then);
        }
        Duration outer = SHIFT.get();
        SHIFT.set(back);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                SHIFT.remove();
            } else {
                SHIFT.set(outer);
            }
        }
    }

    public void run(Instant then, Runnable work) {
        call(then, () -> {
            work.run();
            return null;
        });
    }
}
