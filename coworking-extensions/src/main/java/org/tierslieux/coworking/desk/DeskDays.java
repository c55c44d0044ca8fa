package org.tierslieux.coworking.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tierslieux.core.booking.Availability;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Schedule;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Window;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Desk pools by the half-day and the day. A day is the opening window of the pool (opening to closing); the
 * morning runs from the opening to the grid point nearest midway, the afternoon from there to the closing, so
 * every part lies on core's grid and is booked through {@link BookingService} like any other booking (credits,
 * carnets and day passes are spent by core's credit coverage in the same transaction). A day split by a
 * lunch break has its two windows as morning and afternoon and no whole day (core refuses a booking across
 * windows). Dedicated desks (kind DESK) are booked by the same parts of day, one person at a time.
 */
@ApplicationScoped
public class DeskDays {

    /** The longest range one question may cover. */
    public static final int MAX_DAYS = 31;

    public static final String POOL_KIND = "DESK_POOL";

    /** A dedicated desk: one person, booked by the half-day or the day like a pool's desk (see DeskAssignments). */
    public static final String DESK_KIND = "DESK";

    public enum Part {
        DAY,
        MORNING,
        AFTERNOON
    }

    /** One bookable part of a day, with the seats left over all of it (0 when full, closed or past). */
    public record Slot(Part part, TimeRange period, int free) {}

    public record PoolDay(LocalDate date, List<Slot> slots) {}

    public record Pool(Resource resource, List<PoolDay> days) {}

    private final ResourceService resources;
    private final ScheduleService schedules;
    private final AvailabilityService availability;
    private final BookingService bookings;
    private final QuoteService quotes;
    private final Instance<QuoteStore> quoteStore;
    private final PlaceContext placeContext;

    DeskDays(
            ResourceService resources,
            ScheduleService schedules,
            AvailabilityService availability,
            BookingService bookings,
            QuoteService quotes,
            Instance<QuoteStore> quoteStore,
            PlaceContext placeContext) {
        this.resources = resources;
        this.schedules = schedules;
        this.availability = availability;
        this.bookings = bookings;
        this.quotes = quotes;
        this.quoteStore = quoteStore;
        this.placeContext = placeContext;
    }

    /** Every active desk pool of the place, day by day from {@code from} to {@code to} included. */
    @Transactional
    public List<Pool> between(LocalDate from, LocalDate to) {
        checkRange(from, to);
        var zone = placeContext.require().zone();
        TimeRange range = TimeRange.ofDays(from, to, zone);
        Schedule schedule = schedules.snapshot(range);
        List<Pool> pools = new ArrayList<>();
        for (Resource pool : resources.active()) {
            if (!POOL_KIND.equals(pool.kind())) {
                continue;
            }
            pools.add(new Pool(pool, days(schedule, pool, from, to)));
        }
        return pools;
    }

    /** Every active dedicated desk of the place (kind DESK), day by day from {@code from} to {@code to} included. */
    @Transactional
    public List<Pool> namedBetween(LocalDate from, LocalDate to) {
        checkRange(from, to);
        var zone = placeContext.require().zone();
        Schedule schedule = schedules.snapshot(TimeRange.ofDays(from, to, zone));
        return resources.active().stream()
                .filter(r -> DESK_KIND.equals(r.kind()))
                .map(desk -> new Pool(desk, days(schedule, desk, from, to)))
                .toList();
    }

    /** The parts of each day of a desk or a pool with the seats free over each. */
    private List<PoolDay> days(Schedule schedule, Resource resource, LocalDate from, LocalDate to) {
        List<Availability.Free> free = availability.of(resource.id(), from, to);
        List<PoolDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<Slot> slots = new ArrayList<>();
            for (Part part : Part.values()) {
                TimeRange period = partOf(schedule, resource, d, part);
                if (period != null) {
                    slots.add(new Slot(part, period, freeOver(free, period)));
                }
            }
            days.add(new PoolDay(d, slots));
        }
        return days;
    }

    /** Whether the resource opens at all on {@code date} (a morning or a whole day to book). */
    static boolean opens(Schedule schedule, Resource resource, LocalDate date) {
        return partOf(schedule, resource, date, Part.MORNING) != null
                || partOf(schedule, resource, date, Part.DAY) != null;
    }

    /** The period of a part of a day of a pool; 422 when the pool has no such part that day (closed). */
    @Transactional
    public TimeRange period(ResourceId poolId, LocalDate date, Part part) {
        Resource pool = pool(poolId);
        if (date.getYear() < 2000 || date.getYear() > 2200) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
        var zone = placeContext.require().zone();
        Schedule schedule = schedules.snapshot(TimeRange.ofDays(date, date, zone));
        TimeRange period = partOf(schedule, pool, date, part);
        if (period == null) {
            throw DomainException.invalid("desk.part-closed", Map.of("date", date.toString()));
        }
        return period;
    }

    /** What booking that part costs the person, credits counted (a carnet day covers a day), before confirming. */
    @Transactional
    public Quote quote(PersonId person, ResourceId pool, LocalDate date, Part part) {
        TimeRange period = period(pool, date, part);
        return quotes.forBooking(person, new BookingService.Request(pool, period, 1, null), period.start());
    }

    /** Books one desk of the pool for that part of the day, through core (credits spent there). */
    @Transactional
    public Booking book(Booker booker, ResourceId pool, LocalDate date, Part part) {
        TimeRange period = period(pool, date, part);
        return bookings.book(booker, new BookingService.Request(pool, period, 1, null));
    }

    /**
     * The quote saved with {@code booking} when it was taken, under the member's lock: what it really costs. A
     * quote made before booking may count credits that a concurrent booking of the same member spent meanwhile.
     */
    @Transactional
    public Optional<Quote> takenQuote(Booking booking) {
        if (!quoteStore.isResolvable()) {
            return Optional.empty();
        }
        return quoteStore
                .get()
                .latestFor(new QuoteSubject(QuoteSubject.BOOKING, booking.id().value()));
    }

    /** A desk pool, or a dedicated desk (booked by the same half-days; DedicatedDeskPolicy says who may). */
    private Resource pool(ResourceId id) {
        Resource pool = resources.find(id);
        if (!POOL_KIND.equals(pool.kind()) && !DESK_KIND.equals(pool.kind())) {
            throw DomainException.invalid("desk.not-a-pool", Map.of("name", pool.name()));
        }
        return pool;
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainException.invalid("desk.range-invalid", Map.of());
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("desk.range-too-long", Map.of("days", MAX_DAYS));
        }
        if (from.getYear() < 2000 || to.getYear() > 2200) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
    }

    /** The part of {@code date} on the pool's grid, or null when the pool is closed then. */
    static TimeRange partOf(Schedule schedule, Resource pool, LocalDate date, Part part) {
        var zone = schedule.zone();
        TimeRange day = TimeRange.ofDays(date, date, zone);
        List<Window> windows = schedule.windows(pool).stream()
                .filter(w -> !w.session() && day.contains(w.range()))
                .toList();
        if (windows.isEmpty()) {
            return null;
        }
        if (windows.size() > 1) {
            // a lunch break: the first window is the morning, the last the afternoon, no whole day
            return switch (part) {
                case DAY -> null;
                case MORNING -> windows.get(0).range();
                case AFTERNOON -> windows.get(windows.size() - 1).range();
            };
        }
        TimeRange open = windows.get(0).range();
        if (part == Part.DAY) {
            return open;
        }
        Instant split = split(open, pool.slotMinutes());
        if (split == null) {
            return null;
        }
        return part == Part.MORNING ? new TimeRange(open.start(), split) : new TimeRange(split, open.end());
    }

    /** The grid point strictly inside the window nearest its middle (null when the window is a single slot). */
    static Instant split(TimeRange open, int slotMinutes) {
        Duration step = Duration.ofMinutes(slotMinutes);
        Instant middle = open.start().plus(open.duration().dividedBy(2));
        Instant best = null;
        for (Instant at = open.start().plus(step); at.isBefore(open.end()); at = at.plus(step)) {
            if (best == null
                    || Duration.between(at, middle)
                                    .abs()
                                    .compareTo(Duration.between(best, middle).abs())
                            < 0) {
                best = at;
            }
        }
        return best;
    }

    /** The seats free over the whole period: the least over the free intervals covering it, 0 if any gap. */
    static int freeOver(List<Availability.Free> free, TimeRange period) {
        Instant cursor = period.start();
        int least = Integer.MAX_VALUE;
        for (Availability.Free f : free) {
            if (!f.end().isAfter(cursor)) {
                continue;
            }
            if (f.start().isAfter(cursor) || !f.start().isBefore(period.end())) {
                break;
            }
            least = Math.min(least, f.free());
            cursor = f.end();
            if (!cursor.isBefore(period.end())) {
                return least;
            }
        }
        return 0;
    }
}
