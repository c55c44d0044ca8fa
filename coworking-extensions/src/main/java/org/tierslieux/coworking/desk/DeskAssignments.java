package org.tierslieux.coworking.desk;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.plan.Subscription;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Schedule;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Dedicated desks: a desk (kind DESK) assigned by a manager to a member's subscription. The assignment holds from
 * when it was made for as long as the subscription runs: its end is read from the subscription each time (its
 * cancellation, its last period), never copied, unless a manager ends it earlier. While it holds, the desk is
 * the holder's without booking; {@link DedicatedDeskPolicy} refuses it to anyone else, except on the days the
 * holder released (away), which others book like any desk by the half-day or the day. A released day comes back
 * to the holder only while nobody booked it.
 */
@ApplicationScoped
public class DeskAssignments {

    /** The most days one release, take-back or question may cover. */
    public static final int MAX_DAYS = 92;

    /**
     * An assignment as it stands now. {@code endsAt} is the earlier of the manager's end and the subscription's
     * (cancelled, ended, or ending with its current period); null while the subscription runs on.
     */
    public record Assignment(
            UUID id,
            Resource desk,
            UUID subscriptionId,
            PersonId holder,
            String holderName,
            Instant startsAt,
            Instant endsAt,
            boolean endedByManager) {

        public boolean holdsAt(Instant at) {
            return !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
        }

        /** Whether it holds at some instant of the range. */
        public boolean holdsDuring(TimeRange range) {
            return range.end().isAfter(startsAt)
                    && (endsAt == null || range.start().isBefore(endsAt));
        }

        public boolean over(Instant now) {
            return endsAt != null && !now.isBefore(endsAt);
        }
    }

    /** A day of a dedicated desk: the holder's (HELD), released and free (RELEASED), released and booked (TAKEN). */
    public enum DayState {
        HELD,
        RELEASED,
        TAKEN
    }

    /** A day as the holder sees it: past days cannot change, closed days have nothing to book. */
    public record HolderDay(LocalDate date, DayState state, boolean past, boolean open) {}

    /** How a named desk stands on a day for whoever asks: not assigned, its holder's, released, the asker's. */
    public enum Standing {
        FREE,
        HELD,
        RELEASED,
        YOURS
    }

    public record NamedDay(LocalDate date, Standing standing, List<DeskDays.Slot> slots) {
        /** Whether the asker may book a part of this day (free, or released by its holder). */
        public boolean bookable() {
            return standing == Standing.FREE || standing == Standing.RELEASED;
        }
    }

    /** A named desk over some days, with its assignment there (null when nobody holds it then). */
    public record NamedDesk(Resource desk, Assignment assignment, boolean yours, List<NamedDay> days) {}

    private final ResourceService resources;
    private final SubscriptionService subscriptions;
    private final BookingService bookings;
    private final ScheduleService schedules;
    private final PersonDirectory people;
    private final DeskDays deskDays;
    private final PlaceContext placeContext;
    private final Clock clock;

    DeskAssignments(
            ResourceService resources,
            SubscriptionService subscriptions,
            BookingService bookings,
            ScheduleService schedules,
            PersonDirectory people,
            DeskDays deskDays,
            PlaceContext placeContext,
            Clock clock) {
        this.resources = resources;
        this.subscriptions = subscriptions;
        this.bookings = bookings;
        this.schedules = schedules;
        this.people = people;
        this.deskDays = deskDays;
        this.placeContext = placeContext;
        this.clock = clock;
    }

    // ---- assigning ----------------------------------------------------------------------------------------

    /**
     * A manager assigns the desk to the member's subscription ({@code subscriptionId}, or the member's active one
     * when null), from now on. Others' bookings of the desk already taken stand: their days are marked released.
     */
    @Transactional
    public Assignment assign(ResourceId deskId, PersonId person, UUID subscriptionId, PersonId by) {
        Resource desk = desk(deskId);
        Instant now = clock.instant();
        // the desk's row lock queues assignments (and bookings) of this desk, so the check below is the truth
        resources.lockForBooking(desk.id());
        closeOver(desk.id(), now);
        List<Assignment> current = open(desk.id());
        if (!current.isEmpty()) {
            throw DomainException.conflict(
                    "desk.already-assigned",
                    Map.of("desk", desk.name(), "holder", current.get(0).holderName()));
        }
        Subscription subscription = activeSubscription(person, subscriptionId, now);
        UUID id = UUID.randomUUID();
        int inserted = em().createNativeQuery("insert into desk_assignment (tenant_id, id, resource_id,"
                        + " subscription_id, person_id, starts_at, created_at, created_by) values (current_place_id(),"
                        + " :id, :r, :s, :p, :at, :at, :by) on conflict do nothing")
                .setParameter("id", id)
                .setParameter("r", desk.id().value())
                .setParameter("s", subscription.id())
                .setParameter("p", person.value())
                .setParameter("at", now)
                .setParameter("by", by == null ? null : by.value())
                .executeUpdate();
        if (inserted == 0) {
            throw DomainException.conflict("desk.already-assigned", Map.of("desk", desk.name(), "holder", "?"));
        }
        ZoneId zone = placeContext.require().zone();
        Set<LocalDate> othersDays = new HashSet<>();
        for (Booking b : bookings.ofResource(desk.id(), new TimeRange(now, now.plus(3660, ChronoUnit.DAYS)))) {
            if (b.status().takesTheSlot() && !b.isOf(person)) {
                othersDays.addAll(daysOf(b.period(), zone));
            }
        }
        othersDays.forEach(d -> insertRelease(id, d, now));
        return find(id);
    }

    /** A manager ends the assignment now (the desk is free for anyone from then on). */
    @Transactional
    public Assignment end(UUID id) {
        Assignment assignment = find(id);
        Instant now = clock.instant();
        if (assignment.over(now)) {
            throw DomainException.conflict(
                    "desk.assignment-ended", Map.of("desk", assignment.desk().name()));
        }
        Instant at = now.isBefore(assignment.startsAt()) ? assignment.startsAt() : now;
        em().createNativeQuery("update desk_assignment set ended_at = :at where id = :id and ended_at is null")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate();
        return find(id);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** The place's assignments holding now, or all of them (ended too) with {@code all}, newest first. */
    @Transactional
    public List<Assignment> list(boolean all) {
        Instant now = clock.instant();
        return rows("", Map.of()).stream().filter(a -> all || !a.over(now)).toList();
    }

    @Transactional
    public Assignment find(UUID id) {
        return rows(" where a.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("desk.assignment-not-found", Map.of("id", id)));
    }

    /** The holder's own assignment, or any for a manager; 404 otherwise (as for an id of none). */
    @Transactional
    public Assignment visible(UUID id, PersonId caller, boolean manager) {
        Assignment assignment = find(id);
        if (!manager && !assignment.holder().equals(caller)) {
            throw DomainException.notFound("desk.assignment-not-found", Map.of("id", id));
        }
        return assignment;
    }

    /** The person's assignments holding now (usually one). */
    @Transactional
    public List<Assignment> mine(PersonId person) {
        Instant now = clock.instant();
        return rows(" where a.person_id = :p", Map.of("p", person.value())).stream()
                .filter(a -> !a.over(now))
                .toList();
    }

    /** The dedicated desk {@code person} keeps at {@code at}: held by them, and that day not released. */
    @Transactional
    public Optional<Resource> keptBy(PersonId person, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, placeContext.require().zone());
        return rows(" where a.person_id = :p", Map.of("p", person.value())).stream()
                .filter(a -> a.holdsAt(at) && a.desk().isActive())
                .filter(a -> !isReleased(a.id(), day, false))
                .map(Assignment::desk)
                .findFirst();
    }

    /** The days of the assignment from {@code from} to {@code to} (both included) while it holds. */
    @Transactional
    public List<HolderDay> days(Assignment assignment, LocalDate from, LocalDate to) {
        checkRange(from, to);
        ZoneId zone = placeContext.require().zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Set<LocalDate> released = released(assignment.id(), from, to, false);
        Set<LocalDate> taken = bookedByOthers(assignment, from, to);
        Schedule schedule = schedules.snapshot(TimeRange.ofDays(from, to, zone));
        List<HolderDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!assignment.holdsDuring(TimeRange.ofDays(d, d, zone))) {
                continue;
            }
            DayState state =
                    !released.contains(d) ? DayState.HELD : taken.contains(d) ? DayState.TAKEN : DayState.RELEASED;
            days.add(new HolderDay(d, state, d.isBefore(today), DeskDays.opens(schedule, assignment.desk(), d)));
        }
        return days;
    }

    // ---- releasing ----------------------------------------------------------------------------------------

    /** The holder (or a manager) releases the days from {@code from} to {@code to}: others may book the desk. */
    @Transactional
    public List<HolderDay> release(UUID id, PersonId caller, boolean manager, LocalDate from, LocalDate to) {
        Assignment assignment = changeable(id, caller, manager, from, to);
        ZoneId zone = placeContext.require().zone();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!assignment.holdsDuring(TimeRange.ofDays(d, d, zone))) {
                throw DomainException.invalid(
                        "desk.day-outside",
                        Map.of("date", d.toString(), "desk", assignment.desk().name()));
            }
        }
        Instant now = clock.instant();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            insertRelease(id, d, now);
        }
        return days(assignment, from, to);
    }

    /** The holder takes released days back; refused (409) when someone booked one of them meanwhile. */
    @Transactional
    public List<HolderDay> takeBack(UUID id, PersonId caller, boolean manager, LocalDate from, LocalDate to) {
        Assignment assignment = changeable(id, caller, manager, from, to);
        // the rows' lock waits for a booking that is relying on them (DedicatedDeskPolicy reads them FOR SHARE)
        Set<LocalDate> released = released(id, from, to, true);
        for (LocalDate d : bookedByOthers(assignment, from, to)) {
            if (released.contains(d)) {
                throw DomainException.conflict(
                        "desk.release-booked",
                        Map.of("date", d.toString(), "desk", assignment.desk().name()));
            }
        }
        em().createNativeQuery("delete from desk_release where assignment_id = :a and day between :f and :t")
                .setParameter("a", id)
                .setParameter("f", from)
                .setParameter("t", to)
                .executeUpdate();
        return days(assignment, from, to);
    }

    private Assignment changeable(UUID id, PersonId caller, boolean manager, LocalDate from, LocalDate to) {
        Assignment assignment = visible(id, caller, manager);
        checkRange(from, to);
        Instant now = clock.instant();
        if (assignment.over(now)) {
            throw DomainException.conflict(
                    "desk.assignment-ended", Map.of("desk", assignment.desk().name()));
        }
        LocalDate today = LocalDate.ofInstant(now, placeContext.require().zone());
        if (from.isBefore(today)) {
            throw DomainException.invalid("desk.day-past", Map.of("date", from.toString()));
        }
        return assignment;
    }

    // ---- for bookings and the desks page -------------------------------------------------------------------

    /** The assignments of the desk that hold at some instant of the period. */
    @Transactional
    public List<Assignment> holding(Resource desk, TimeRange period) {
        return rows(
                        " where a.resource_id = :r and a.starts_at < :end and (a.ended_at is null or a.ended_at > :start)",
                        Map.of("r", desk.id().value(), "start", period.start(), "end", period.end()))
                .stream()
                .filter(a -> a.holdsDuring(period))
                .toList();
    }

    /**
     * Whether the holder released that day. With {@code lock}, the release row is locked FOR SHARE until the
     * transaction ends, so that a take-back cannot slip between this check and the booking that relies on it.
     */
    @Transactional
    public boolean isReleased(UUID assignment, LocalDate day, boolean lock) {
        return !released(assignment, day, day, lock).isEmpty();
    }

    /**
     * For each of {@code desks}, the parts of {@code range} during which its holder keeps it: each day of the
     * assignment, cut to the assignment and the range, except the days the holder released. Two queries for all
     * the desks (the availability of a place's week asks for them all).
     */
    Map<ResourceId, List<TimeRange>> kept(List<Resource> desks, TimeRange range, ZoneId zone) {
        if (desks.isEmpty()) {
            return Map.of();
        }
        List<Assignment> holding = rows(
                        " where a.resource_id in (:r) and a.starts_at < :end"
                                + " and (a.ended_at is null or a.ended_at > :start)",
                        Map.of(
                                "r", desks.stream().map(d -> d.id().value()).toList(),
                                "start", range.start(),
                                "end", range.end()))
                .stream()
                .filter(a -> a.holdsDuring(range))
                .toList();
        if (holding.isEmpty()) {
            return Map.of();
        }
        List<LocalDate> days = daysOf(range, zone);
        Map<UUID, Set<LocalDate>> away =
                releasedDays(holding.stream().map(Assignment::id).toList(), days.get(0), days.get(days.size() - 1));
        Map<ResourceId, List<TimeRange>> kept = new HashMap<>();
        for (Assignment a : holding) {
            for (LocalDate day : days) {
                if (away.getOrDefault(a.id(), Set.of()).contains(day)) {
                    continue;
                }
                TimeRange whole = TimeRange.ofDays(day, day, zone);
                Instant start = latest(whole.start(), range.start(), a.startsAt());
                Instant end = a.endsAt() == null
                        ? earliest(whole.end(), range.end())
                        : earliest(whole.end(), range.end(), a.endsAt());
                if (start.isBefore(end)) {
                    kept.computeIfAbsent(a.desk().id(), k -> new ArrayList<>()).add(new TimeRange(start, end));
                }
            }
        }
        return kept;
    }

    /** The released days of several assignments between two days, by assignment. */
    private Map<UUID, Set<LocalDate>> releasedDays(List<UUID> assignments, LocalDate from, LocalDate to) {
        List<Object[]> rows = em().createNativeQuery(
                        "select assignment_id, day from desk_release where assignment_id in (:a)"
                                + " and day between :f and :t",
                        Object[].class)
                .setParameter("a", assignments)
                .setParameter("f", from)
                .setParameter("t", to)
                .getResultList();
        Map<UUID, Set<LocalDate>> days = new HashMap<>();
        for (Object[] r : rows) {
            days.computeIfAbsent((UUID) r[0], k -> new HashSet<>())
                    .add(r[1] instanceof LocalDate l ? l : ((java.sql.Date) r[1]).toLocalDate());
        }
        return days;
    }

    private static Instant latest(Instant... all) {
        return java.util.Arrays.stream(all).max(Instant::compareTo).orElseThrow();
    }

    private static Instant earliest(Instant... all) {
        return java.util.Arrays.stream(all).min(Instant::compareTo).orElseThrow();
    }

    /** The place's named desks day by day, with who holds them and the parts {@code viewer} may book. */
    @Transactional
    public List<NamedDesk> named(PersonId viewer, LocalDate from, LocalDate to) {
        ZoneId zone = placeContext.require().zone();
        TimeRange range = TimeRange.ofDays(from, to, zone);
        List<NamedDesk> named = new ArrayList<>();
        for (DeskDays.Pool desk : deskDays.namedBetween(from, to)) {
            List<Assignment> holding = holding(desk.resource(), range);
            Map<UUID, Set<LocalDate>> released = new HashMap<>();
            holding.forEach(a -> released.put(a.id(), released(a.id(), from, to, false)));
            Assignment shown = null;
            List<NamedDay> days = new ArrayList<>();
            for (DeskDays.PoolDay day : desk.days()) {
                TimeRange dayRange = TimeRange.ofDays(day.date(), day.date(), zone);
                Assignment holder = holding.stream()
                        .filter(a -> a.holdsDuring(dayRange))
                        .findFirst()
                        .orElse(null);
                Standing standing;
                if (holder == null) {
                    standing = Standing.FREE;
                } else {
                    shown = shown == null ? holder : shown;
                    boolean away = released.get(holder.id()).contains(day.date());
                    standing =
                            away ? Standing.RELEASED : holder.holder().equals(viewer) ? Standing.YOURS : Standing.HELD;
                }
                days.add(new NamedDay(day.date(), standing, day.slots()));
            }
            boolean yours = shown != null && shown.holder().equals(viewer);
            named.add(new NamedDesk(desk.resource(), shown, yours, days));
        }
        return named;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Resource desk(ResourceId id) {
        Resource desk = resources.find(id);
        if (!DeskDays.DESK_KIND.equals(desk.kind())) {
            throw DomainException.invalid("desk.not-a-desk", Map.of("name", desk.name()));
        }
        if (!desk.isActive()) {
            throw DomainException.invalid("desk.not-a-desk", Map.of("name", desk.name()));
        }
        return desk;
    }

    /** The person's subscription that may hold a desk now: active (or past due) and not over; 422 otherwise. */
    private Subscription activeSubscription(PersonId person, UUID subscriptionId, Instant now) {
        Optional<Subscription> found;
        if (subscriptionId == null) {
            found = subscriptions.activeAt(person, now);
        } else {
            found = subscriptions.of(person).stream()
                    .filter(s -> s.id().equals(subscriptionId))
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PAST_DUE)
                    .filter(s -> subscriptionEnd(s) == null || now.isBefore(subscriptionEnd(s)))
                    .findFirst();
        }
        return found.orElseThrow(() -> DomainException.invalid("desk.no-subscription", Map.of()));
    }

    /** When the subscription stops holding anything: null while it runs on. */
    static Instant subscriptionEnd(Subscription s) {
        return switch (s.status()) {
            case CANCELLED, ENDED -> s.endedAt() == null ? s.periodEnd() : s.endedAt();
            case PENDING -> s.startedAt();
            default -> s.endsAtPeriodEnd() ? s.periodEnd() : null;
        };
    }

    /** Marks ended the desk's open assignments whose subscription is over, so that the desk can be assigned. */
    private void closeOver(ResourceId desk, Instant now) {
        for (Assignment a : open(desk)) {
            if (a.over(now)) {
                em().createNativeQuery("update desk_assignment set ended_at = :at where id = :id and ended_at is null")
                        .setParameter("at", a.endsAt().isBefore(a.startsAt()) ? a.startsAt() : a.endsAt())
                        .setParameter("id", a.id())
                        .executeUpdate();
            }
        }
    }

    private List<Assignment> open(ResourceId desk) {
        return rows(" where a.resource_id = :r and a.ended_at is null", Map.of("r", desk.value()));
    }

    @SuppressWarnings("unchecked")
    private List<Assignment> rows(String where, Map<String, Object> parameters) {
        placeContext.require();
        var query = em().createNativeQuery(
                        "select a.id, a.resource_id, a.subscription_id, a.person_id, a.starts_at, a.ended_at"
                                + " from desk_assignment a" + where + " order by a.starts_at desc, a.id",
                        Object[].class);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        Map<UUID, Resource> desks = new LinkedHashMap<>();
        List<Assignment> assignments = new ArrayList<>();
        for (Object[] r : rows) {
            Resource desk = desks.computeIfAbsent((UUID) r[1], d -> resources.find(new ResourceId(d)));
            Subscription subscription = subscriptions.find((UUID) r[2]);
            PersonId holder = new PersonId((UUID) r[3]);
            Instant startsAt = Columns.instant(r[4]);
            Instant endedAt = r[5] == null ? null : Columns.instant(r[5]);
            Instant subscriptionEnd = subscriptionEnd(subscription);
            Instant endsAt = endedAt;
            if (subscriptionEnd != null && (endsAt == null || subscriptionEnd.isBefore(endsAt))) {
                endsAt = subscriptionEnd.isBefore(startsAt) ? startsAt : subscriptionEnd;
            }
            boolean byManager = endedAt != null && endedAt.equals(endsAt) && !endedAt.equals(subscriptionEnd);
            assignments.add(new Assignment(
                    (UUID) r[0],
                    desk,
                    subscription.id(),
                    holder,
                    people.contact(holder)
                            .map(PersonDirectory.Contact::displayName)
                            .orElse("?"),
                    startsAt,
                    endsAt,
                    byManager));
        }
        return assignments;
    }

    @SuppressWarnings("unchecked")
    private Set<LocalDate> released(UUID assignment, LocalDate from, LocalDate to, boolean lock) {
        List<Object> days = em().createNativeQuery(
                        "select day from desk_release where assignment_id = :a and day between :f and :t"
                                + (lock ? " for share" : ""))
                .setParameter("a", assignment)
                .setParameter("f", from)
                .setParameter("t", to)
                .getResultList();
        Set<LocalDate> set = new HashSet<>();
        days.forEach(d -> set.add(d instanceof LocalDate l ? l : ((java.sql.Date) d).toLocalDate()));
        return set;
    }

    /** The days someone other than the holder has a live booking of the desk on. */
    private Set<LocalDate> bookedByOthers(Assignment assignment, LocalDate from, LocalDate to) {
        ZoneId zone = placeContext.require().zone();
        Set<LocalDate> days = new HashSet<>();
        for (Booking b : bookings.ofResource(assignment.desk().id(), TimeRange.ofDays(from, to, zone))) {
            if (b.status().takesTheSlot() && !b.isOf(assignment.holder())) {
                days.addAll(daysOf(b.period(), zone));
            }
        }
        return days;
    }

    private void insertRelease(UUID assignment, LocalDate day, Instant now) {
        em().createNativeQuery("insert into desk_release (tenant_id, assignment_id, day, released_at)"
                        + " values (current_place_id(), :a, :d, :at) on conflict do nothing")
                .setParameter("a", assignment)
                .setParameter("d", day)
                .setParameter("at", now)
                .executeUpdate();
    }

    /** The local days a period touches. */
    static List<LocalDate> daysOf(TimeRange period, ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(period.end().minusNanos(1), zone);
        for (LocalDate d = LocalDate.ofInstant(period.start(), zone); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from.getYear() < 2000 || to.getYear() > 2200) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
        if (to.isBefore(from)) {
            throw DomainException.invalid("desk.range-invalid", Map.of());
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("desk.range-too-long", Map.of("days", MAX_DAYS));
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
