package org.tierslieux.coworking.checkin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.kernel.JobLock;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Marks as no-shows, through core ({@link BookingService#markNoShow}), the confirmed bookings nobody checked in
 * for once the grace delay after their start has passed: only at places with check-in on, and only for bookings
 * starting after it was turned on (a place that starts checking in does not turn its past into no-shows). Looks
 * back one day at most: an older forgotten booking stays as it is. One node at a time ({@link JobLock}).
 */
@ApplicationScoped
public class NoShows {

    private static final Logger LOG = Logger.getLogger(NoShows.class);
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final Clock clock;
    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final BookingService bookings;
    private final CheckinSettingsService settings;
    private final CheckinService checkins;
    private final JobLock lock;
    private final ResourceService resources;

    NoShows(
            Clock clock,
            PlaceDirectory places,
            PlaceScope scope,
            BookingService bookings,
            CheckinSettingsService settings,
            CheckinService checkins,
            JobLock lock,
            ResourceService resources) {
        this.clock = clock;
        this.places = places;
        this.scope = scope;
        this.bookings = bookings;
        this.settings = settings;
        this.checkins = checkins;
        this.lock = lock;
        this.resources = resources;
    }

    @Scheduled(
            identity = "checkin-no-shows",
            every = "${tl.checkin.no-show-every:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        lock.runAlone("checkin-no-shows", this::sweepEveryPlace);
    }

    /** Every place in turn; returns how many bookings were marked (tests call it directly). */
    public int sweepEveryPlace() {
        int marked = 0;
        for (PlaceRef place : places.all()) {
            try {
                int n = scope.call(place, this::markHere);
                if (n > 0) {
                    LOG.infof("%d no-show(s) marked at %s", n, place.slug());
                }
                marked += n;
            } catch (RuntimeException e) {
                LOG.warnf("No-show sweep at %s: %s", place.slug(), e.toString());
            }
        }
        return marked;
    }

    /** The current place's no-shows, marked now; how many. */
    @Transactional
    public int markHere() {
        CheckinSettings s = settings.current();
        if (!s.enabled() || s.enabledAt() == null) {
            return 0;
        }
        Instant now = clock.instant();
        Instant latestStart = now.minus(Duration.ofMinutes(s.graceMinutes()));
        Instant from = now.minus(LOOK_BACK).isAfter(s.enabledAt()) ? now.minus(LOOK_BACK) : s.enabledAt();
        if (!latestStart.isAfter(from)) {
            return 0;
        }
        List<Booking> started = bookings.inPlace(new TimeRange(from, latestStart), true);
        int marked = 0;
        for (Booking b : started) {
            if (b.status() == BookingStatus.CONFIRMED
                    && !b.start().isBefore(s.enabledAt())
                    && !b.start().isAfter(latestStart)
                    && CheckinService.OCCUPANCY_KINDS.contains(kind(b))
                    && !checkins.checkedIn(b.id())) {
                bookings.markNoShow(b.id());
                marked++;
            }
        }
        return marked;
    }

    private String kind(Booking b) {
        return resources.find(b.resourceId()).kind();
    }
}
