package org.tierslieux.core.booking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.tierslieux.core.kernel.JobLock;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Gives back the slots of holds that ran out, place by place, so that waiting members are offered them even
 * when nobody books the slot meanwhile (a booking in the way expires them itself). Safe on several nodes:
 * one node sweeps at a time ({@link JobLock}), and expiring is guarded by the booking's state and version anyway.
 */
@ApplicationScoped
class HoldSweep {

    private static final Logger LOG = Logger.getLogger(HoldSweep.class);

    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final BookingService bookings;
    private final JobLock lock;

    HoldSweep(PlaceDirectory places, PlaceScope scope, BookingService bookings, JobLock lock) {
        this.places = places;
        this.scope = scope;
        this.bookings = bookings;
        this.lock = lock;
    }

    @Scheduled(
            identity = "hold-sweep",
            every = "${tl.booking.hold-sweep-every:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        lock.runAlone("hold-sweep", this::sweepEveryPlace);
    }

    private void sweepEveryPlace() {
        for (PlaceRef place : places.all()) {
            try {
                int expired = scope.call(place, bookings::expireHolds);
                if (expired > 0) {
                    LOG.infof("%d hold(s) expired at %s", expired, place.slug());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Hold sweep at %s: %s", place.slug(), e.toString());
            }
        }
    }
}
