package org.tierslieux.core.booking;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.MemberLock;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.schedule.Schedule;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Takes, changes and ends bookings in the current place. Every rule is checked here, on the server, in the
 * booking's transaction; the last word on overlaps belongs to PostgreSQL (the exclusion constraint for
 * resources booked whole, a seat count under a lock on the resource row for shared ones).
 */
@ApplicationScoped
public class BookingService {

    /** What a member asks for. */
    public record Request(ResourceId resource, TimeRange period, int seats, String note) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final ScheduleService schedules;
    private final RuleService rules;
    private final Instance<BookingPolicy> policies;
    private final Instance<HoldPolicy> holds;
    private final Instance<VisitorAccess> visitors;
    private final Event<DomainEvent> events;
    private final MemberLock memberLock;

    BookingService(
            Clock clock,
            PlaceContext placeContext,
            ResourceService resources,
            ScheduleService schedules,
            RuleService rules,
            @Any Instance<BookingPolicy> policies,
            @Any Instance<HoldPolicy> holds,
            @Any Instance<VisitorAccess> visitors,
            Event<DomainEvent> events,
            MemberLock memberLock) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.resources = resources;
        this.schedules = schedules;
        this.rules = rules;
        this.policies = policies;
        this.holds = holds;
        this.visitors = visitors;
        this.events = events;
        this.memberLock = memberLock;
    }

    /** Books, confirmed at once unless a {@link HoldPolicy} asks to hold it first. */
    @Transactional
    public Booking book(Booker booker, Request request) {
        return take(booker, request, null, null);
    }

    /** Books and holds until {@code holdUntil} (a waitlist offer awaiting the member's answer). */
    @Transactional
    public Booking hold(Booker booker, Request request, Instant holdUntil) {
        return take(booker, request, holdUntil, null);
    }

    /** One booking of a series; the caller decides what a refusal means for the rest. */
    Booking bookInSeries(Booker booker, Request request, UUID seriesId) {
        return take(booker, request, null, seriesId);
    }

    private Booking take(Booker booker, Request request, Instant holdUntil, UUID seriesId) {
        Instant now = clock.instant();
        Resource resource = check(booker, request, null, now);
        Instant until = holdUntil;
        if (until == null) {
            BookingAttempt attempt = attempt(resource, booker, request);
            for (HoldPolicy policy : holds) {
                Optional<Duration> hold = policy.holdFor(attempt);
                if (hold.isPresent()) {
                    until = now.plus(hold.get());
                    break;
                }
            }
        }
        // One booking at a time per resource: the row lock queues racing clients, so the exclusion
        // constraint (still the last word) refuses a taken slot at once instead of two inserts waiting
        // on each other's uncommitted rows until PostgreSQL breaks the deadlock.
        resources.lockForBooking(resource.id());
        expireStaleHolds(resource.id(), request.period(), now);
        Booking booking = new Booking(
                resource, booker.person(), request.period(), request.seats(), until, seriesId, note(request), now);
        if (!resource.bookedWhole()) {
            ensureSeats(resource, request.period(), request.seats(), null);
        }
        em().persist(booking);
        flushOrUnavailable();
        PlaceRef place = placeContext.require();
        if (booking.status() == BookingStatus.HELD) {
            events.fire(new BookingHeld(
                    place.id(),
                    booking.id(),
                    resource.id(),
                    booker.person(),
                    booking.period(),
                    booking.seats(),
                    booking.holdExpiresAt()));
        } else {
            events.fire(confirmed(booking));
        }
        return booking;
    }

    /**
     * Every rule a booking (or a move, with {@code moving}) must keep, in the order a member would fix them:
     * the resource, the seats, the time, who may book, the opening hours, the extension policies, the
     * member's limits. Nothing is written.
     */
    private Resource check(Booker booker, Request request, Booking moving, Instant now) {
        Resource resource = resources.find(request.resource());
        if (!resource.isActive()) {
            throw DomainException.invalid("booking.resource-archived", Map.of("name", resource.name()));
        }
        int seats = request.seats();
        if (seats < 1) {
            throw DomainException.invalid("booking.seats-invalid", Map.of("seats", seats));
        }
        if (resource.bookedWhole() && seats != 1) {
            throw DomainException.invalid("booking.seats-whole", Map.of("name", resource.name()));
        }
        if (seats > resource.capacity()) {
            throw DomainException.invalid(
                    "booking.seats-above-capacity", Map.of("seats", seats, "capacity", resource.capacity()));
        }
        BookingRules applicable = rules.rulesFor(resource);
        TimeRange period = request.period();
        if (period.start().isBefore(now)) {
            throw DomainException.invalid("booking.in-past", Map.of());
        }
        if (period.start().isAfter(now.plus(Duration.ofDays(applicable.horizonDays())))) {
            throw DomainException.invalid("booking.beyond-horizon", Map.of("days", applicable.horizonDays()));
        }
        if (period.start().isBefore(now.plus(applicable.minNotice()))) {
            throw DomainException.invalid("booking.notice-too-short", Map.of("minutes", applicable.minNoticeMinutes()));
        }
        long minutes = period.duration().toMinutes();
        if (applicable.minMinutes() != null && minutes < applicable.minMinutes()) {
            throw DomainException.invalid("booking.too-short", Map.of("minutes", applicable.minMinutes()));
        }
        if (applicable.maxMinutes() != null && minutes > applicable.maxMinutes()) {
            throw DomainException.invalid("booking.too-long", Map.of("minutes", applicable.maxMinutes()));
        }
        switch (applicable.audience()) {
            case MEMBERS -> {
                if (!booker.member() && !admittedAsVisitor(attempt(resource, booker, request))) {
                    throw DomainException.forbidden("booking.members-only");
                }
            }
            case STAFF -> {
                if (!booker.manager()) {
                    throw DomainException.forbidden("booking.staff-only");
                }
            }
            case EVERYONE -> {}
        }
        Schedule schedule = schedules.snapshot(period);
        Availability.place(
                schedule.windows(resource),
                schedule.closuresOf(resource.id()),
                period,
                resource.slotMinutes(),
                resource.scheduling() == Scheduling.SESSIONS);
        BookingAttempt attempt = attempt(resource, booker, request);
        for (BookingPolicy policy : policies) {
            if (policy.appliesTo(attempt)) {
                policy.check(attempt);
            }
        }
        checkLimits(booker.person(), resource, applicable, period, moving, now);
        return resource;
    }

    /** Whether an extension lets this non-member in (a network pass...); see {@link VisitorAccess}. */
    private boolean admittedAsVisitor(BookingAttempt attempt) {
        for (VisitorAccess visitor : visitors) {
            if (visitor.admits(attempt)) {
                return true;
            }
        }
        return false;
    }

    /** Every rule but the free seats: what a waiting member must keep to join a waiting list. */
    Resource checkOnly(Booker booker, Request request) {
        return check(booker, request, null, clock.instant());
    }

    /** Whether the seats asked would not fit now (a resource booked whole: anything active overlaps). */
    boolean isFull(Resource resource, TimeRange period, int seats) {
        return Availability.peakSeats(taken(resource.id(), period, null), period) + seats > resource.seatsOnOffer();
    }

    private BookingAttempt attempt(Resource resource, Booker booker, Request request) {
        return new BookingAttempt(placeContext.require(), resource, booker.person(), request.period(), request.seats());
    }

    /**
     * The member's limits: active bookings to come, and hours in the local week of the booking, counted over
     * the resource, its kind or the whole place, wherever the limit was set. A lock per member and place
     * keeps two of their bookings from both passing.
     */
    private void checkLimits(
            PersonId person,
            Resource resource,
            BookingRules applicable,
            TimeRange period,
            Booking moving,
            Instant now) {
        if (applicable.maxActive() == null && applicable.maxHoursPerWeek() == null) {
            return;
        }
        memberLock.lock(person);
        UUID excluded = moving == null ? new UUID(0, 0) : moving.id().value();
        if (applicable.maxActive() != null) {
            BookingRules.Level level = applicable.maxActiveCounts();
            Number active = (Number) counted(
                            em().createNativeQuery("select count(*) from booking b join resource r"
                                    + " on r.tenant_id = b.tenant_id and r.id = b.resource_id"
                                    + " where b.person_id = :p and b.status in ('HELD', 'CONFIRMED')"
                                    + " and b.ends_at > :now and b.id <> :excluded" + within(level)),
                            level,
                            resource)
                    .setParameter("p", person.value())
                    .setParameter("now", now)
                    .setParameter("excluded", excluded)
                    .getSingleResult();
            if (active.intValue() >= applicable.maxActive()) {
                throw DomainException.conflict("booking.too-many-active", Map.of("max", applicable.maxActive()));
            }
        }
        if (applicable.maxHoursPerWeek() != null) {
            var zone = placeContext.require().zone();
            LocalDate monday =
                    period.start().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            TimeRange week = TimeRange.ofDays(monday, monday.plusDays(6), zone);
            BookingRules.Level level = applicable.maxHoursCounts();
            Number seconds = (Number) counted(
                            em().createNativeQuery(
                                            "select coalesce(sum(extract(epoch from (least(b.ends_at, :we) - greatest(b.starts_at, :ws)))), 0)"
                                                    + " from booking b join resource r"
                                                    + " on r.tenant_id = b.tenant_id and r.id = b.resource_id"
                                                    + " where b.person_id = :p and b.status in ('HELD', 'CONFIRMED')"
                                                    + " and b.starts_at < :we and b.ends_at > :ws and b.id <> :excluded"
                                                    + within(level)),
                            level,
                            resource)
                    .setParameter("p", person.value())
                    .setParameter("ws", week.start())
                    .setParameter("we", week.end())
                    .setParameter("excluded", excluded)
                    .getSingleResult();
            long total = seconds.longValue() + period.duration().toSeconds();
            if (total > applicable.maxHoursPerWeek() * 3600L) {
                throw DomainException.conflict("booking.week-quota", Map.of("hours", applicable.maxHoursPerWeek()));
            }
        }
    }

    /** The bookings a limit set at {@code level} counts: of the resource, of its kind, or all of the place. */
    private static String within(BookingRules.Level level) {
        return switch (level) {
            case RESOURCE -> " and b.resource_id = :scope";
            case KIND -> " and r.kind = :scope";
            case PLACE -> "";
        };
    }

    private static Query counted(Query query, BookingRules.Level level, Resource resource) {
        return switch (level) {
            case RESOURCE -> query.setParameter("scope", resource.id().value());
            case KIND -> query.setParameter("scope", resource.kind());
            case PLACE -> query;
        };
    }

    /** With the resource row locked: refuses when the seats asked would, at some instant, exceed capacity. */
    private void ensureSeats(Resource resource, TimeRange period, int seats, BookingId excluding) {
        List<Availability.Taken> taken = taken(resource.id(), period, excluding);
        if (Availability.peakSeats(taken, period) + seats > resource.seatsOnOffer()) {
            throw DomainException.conflict("booking.unavailable", Map.of());
        }
    }

    /** Seats held over the period by active bookings (holds past their expiry no longer count), by start. */
    List<Availability.Taken> taken(ResourceId resource, TimeRange period, BookingId excluding) {
        List<Object[]> rows = em().createNativeQuery(
                        "select starts_at, ends_at, seats from booking where resource_id = :r"
                                + " and period && tstzrange(:start, :end, '[)') and id <> :excluded"
                                + " and (status = 'CONFIRMED' or (status = 'HELD' and hold_expires_at > :now))"
                                + " order by starts_at",
                        Object[].class)
                .setParameter("r", resource.value())
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("excluded", excluding == null ? new UUID(0, 0) : excluding.value())
                .setParameter("now", clock.instant())
                .getResultList();
        List<Availability.Taken> taken = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            taken.add(new Availability.Taken(
                    new TimeRange(Columns.instant(row[0]), Columns.instant(row[1])), ((Number) row[2]).intValue()));
        }
        return taken;
    }

    /**
     * Holds past their expiry still sit in the table until expired: expire those in the way first. The rows
     * are locked as they are read, so that of many bookings racing for the slot one expires the hold and the
     * others, once it committed, no longer find it (instead of failing on its version).
     */
    private void expireStaleHolds(ResourceId resource, TimeRange period, Instant now) {
        List<Booking> stale = em().createQuery(
                        "from Booking b where b.resourceId = :r and b.status = 'HELD' and b.holdExpiresAt <= :now"
                                + " and b.startsAt < :end and b.endsAt > :start",
                        Booking.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setParameter("r", resource.value())
                .setParameter("now", now)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .getResultList();
        for (Booking booking : stale) {
            expire(booking, now);
        }
        if (!stale.isEmpty()) {
            em().flush();
        }
    }

    /** Expires every hold of the current place past its expiry; returns how many. */
    @Transactional
    public int expireHolds() {
        placeContext.require();
        Instant now = clock.instant();
        List<Booking> stale = em().createQuery(
                        "from Booking b where b.status = 'HELD' and b.holdExpiresAt <= :now", Booking.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setParameter("now", now)
                .getResultList();
        stale.forEach(b -> expire(b, now));
        return stale.size();
    }

    private void expire(Booking booking, Instant now) {
        booking.expire(now);
        events.fire(cancelled(booking));
    }

    private void flushOrUnavailable() {
        try {
            em().flush();
        } catch (PersistenceException e) {
            if ("23P01".equals(sqlState(e))) {
                throw DomainException.conflict("booking.unavailable", Map.of());
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A member cancels their own booking (before the deadline); a manager any, with a reason. */
    @Transactional
    public Booking cancel(Booker booker, BookingId id, String reason) {
        Instant now = clock.instant();
        Booking booking = visible(booker, id);
        boolean own = booking.isOf(booker.person());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (own && !booker.manager()) {
            checkDeadline(booking, now);
            booking.cancel(booker.person(), CancelCause.MEMBER, why, now);
        } else {
            if (!own && why == null) {
                throw DomainException.invalid("booking.reason-required", Map.of());
            }
            booking.cancel(booker.person(), own ? CancelCause.MEMBER : CancelCause.MANAGER, why, now);
        }
        events.fire(cancelled(booking));
        return booking;
    }

    /** A manager cancels a booking because its resource goes under maintenance. */
    @Transactional
    public Booking cancelForMaintenance(Booker manager, BookingId id, String reason) {
        Booking booking = visible(manager, id);
        booking.cancel(manager.person(), CancelCause.MAINTENANCE, reason, clock.instant());
        events.fire(cancelled(booking));
        return booking;
    }

    /** Moves a booking to another time on the same resource, as if cancelled and booked again, atomically. */
    @Transactional
    public Booking move(Booker booker, BookingId id, TimeRange to) {
        Instant now = clock.instant();
        Booking booking = visible(booker, id);
        if (!booker.manager()) {
            checkDeadline(booking, now);
        }
        if (!booking.status().takesTheSlot()) {
            throw DomainException.conflict("booking.not-active", Map.of("status", booking.status()));
        }
        Booker owner = booking.isOf(booker.person()) ? booker : new Booker(booking.person(), true, false);
        Request request = new Request(booking.resourceId(), to, booking.seats(), booking.note());
        Resource resource = check(owner, request, booking, now);
        resources.lockForBooking(resource.id());
        expireStaleHolds(resource.id(), to, now);
        if (!resource.bookedWhole()) {
            ensureSeats(resource, to, booking.seats(), booking.id());
        }
        TimeRange from = booking.period();
        booking.moveTo(to);
        flushOrUnavailable();
        events.fire(new BookingMoved(
                placeContext.require().id(),
                booking.id(),
                booking.resourceId(),
                booking.person(),
                from,
                to,
                booking.seats()));
        return booking;
    }

    /** HELD → CONFIRMED by its member (a waitlist offer accepted) or by billing once paid. */
    @Transactional
    public Booking confirm(Booker booker, BookingId id) {
        Booking booking = visible(booker, id);
        if (!booking.isOf(booker.person()) && !booker.manager()) {
            throw DomainException.notFound("booking.not-found", Map.of("id", id.toString()));
        }
        return confirmHeld(booking);
    }

    /** For billing: the hold of this booking was paid. */
    @Transactional
    public Booking confirmPaid(BookingId id) {
        return confirmHeld(find(id));
    }

    private Booking confirmHeld(Booking booking) {
        booking.confirm(clock.instant());
        events.fire(confirmed(booking));
        return booking;
    }

    @Transactional
    public Booking markNoShow(BookingId id) {
        Booking booking = find(id);
        booking.markNoShow(clock.instant());
        return booking;
    }

    private void checkDeadline(Booking booking, Instant now) {
        BookingRules applicable = rules.rulesFor(resources.find(booking.resourceId()));
        if (booking.status() == BookingStatus.CONFIRMED
                && now.isAfter(booking.start().minus(applicable.cancelDeadline()))) {
            throw DomainException.conflict(
                    "booking.cancel-deadline-passed", Map.of("minutes", applicable.cancelDeadlineMinutes()));
        }
    }

    /** A booking the booker may act on: their own, or any for a manager; 404 otherwise (as for another place's). */
    private Booking visible(Booker booker, BookingId id) {
        Booking booking = find(id);
        if (!booking.isOf(booker.person()) && !booker.manager()) {
            throw DomainException.notFound("booking.not-found", Map.of("id", id.toString()));
        }
        return booking;
    }

    @Transactional
    public Booking find(BookingId id) {
        placeContext.require();
        return em().createQuery("from Booking b where b.id = :id", Booking.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("booking.not-found", Map.of("id", id.toString())));
    }

    /** A booking of the caller, or 404. */
    @Transactional
    public Booking findOwn(Booker booker, BookingId id) {
        return visible(booker, id);
    }

    /** The person's bookings in the current place: to come (active, soonest first) or past and ended. */
    @Transactional
    public List<Booking> ofPerson(PersonId person, boolean upcoming, int page, int size) {
        placeContext.require();
        String where = upcoming
                ? "b.endsAt > :now and b.status in ('HELD', 'CONFIRMED') order by b.startsAt, b.id"
                : "(b.endsAt <= :now or b.status not in ('HELD', 'CONFIRMED')) order by b.startsAt desc, b.id";
        return em().createQuery("from Booking b where b.personId = :p and " + where, Booking.class)
                .setParameter("p", person.value())
                .setParameter("now", clock.instant())
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    @Transactional
    public long countOfPerson(PersonId person, boolean upcoming) {
        String where = upcoming
                ? "b.endsAt > :now and b.status in ('HELD', 'CONFIRMED')"
                : "(b.endsAt <= :now or b.status not in ('HELD', 'CONFIRMED'))";
        return em().createQuery("select count(b) from Booking b where b.personId = :p and " + where, Long.class)
                .setParameter("p", person.value())
                .setParameter("now", clock.instant())
                .getSingleResult();
    }

    /** The person's bookings in the current place over a range, any status (calendar feeds). */
    @Transactional
    public List<Booking> ofPerson(PersonId person, TimeRange range) {
        placeContext.require();
        return em().createQuery(
                        "from Booking b where b.personId = :p and b.startsAt < :end and b.endsAt > :start"
                                + " order by b.startsAt",
                        Booking.class)
                .setParameter("p", person.value())
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
    }

    /** A resource's bookings over a range, any status (manager calendar, resource feed). */
    @Transactional
    public List<Booking> ofResource(ResourceId resource, TimeRange range) {
        placeContext.require();
        return em().createQuery(
                        "from Booking b where b.resourceId = :r and b.startsAt < :end and b.endsAt > :start"
                                + " order by b.startsAt",
                        Booking.class)
                .setParameter("r", resource.value())
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
    }

    /** The place's bookings over a range (active first in time), for the managers' calendar. */
    @Transactional
    public List<Booking> inPlace(TimeRange range, boolean activeOnly) {
        placeContext.require();
        return em().createQuery(
                        "from Booking b where b.startsAt < :end and b.endsAt > :start"
                                + (activeOnly ? " and b.status in ('HELD', 'CONFIRMED')" : "")
                                + " order by b.startsAt, b.id",
                        Booking.class)
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
    }

    private BookingConfirmed confirmed(Booking b) {
        return new BookingConfirmed(
                placeContext.require().id(), b.id(), b.resourceId(), b.person(), b.period(), b.seats());
    }

    private BookingCancelled cancelled(Booking b) {
        return new BookingCancelled(
                placeContext.require().id(),
                b.id(),
                b.resourceId(),
                b.person(),
                b.period(),
                b.seats(),
                b.cancelCause(),
                b.cancelReason());
    }

    private static String note(Request request) {
        return request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
