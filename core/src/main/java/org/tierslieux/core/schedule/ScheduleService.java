package org.tierslieux.core.schedule;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.tenancy.PlaceContext;

/** Opening hours, closures and sessions of the current place, and the open windows they make. */
@ApplicationScoped
public class ScheduleService {

    /** The longest closure or session a manager may enter at once. */
    private static final long MAX_DAYS = 3660;

    private final Clock clock;
    private final PlaceContext placeContext;

    ScheduleService(Clock clock, PlaceContext placeContext) {
        this.clock = clock;
        this.placeContext = placeContext;
    }

    /** The place's weekly hours; {@link WeeklyHours#DEFAULT} while its managers have set none. */
    @Transactional
    public WeeklyHours placeHours() {
        List<WeeklyHours.Interval> rows = rows(null);
        return rows.isEmpty() ? WeeklyHours.DEFAULT : new WeeklyHours(rows);
    }

    /** Whether the place still runs on the default hours. */
    @Transactional
    public boolean placeHoursAreDefault() {
        return rows(null).isEmpty();
    }

    /** The resource's own hours, or null when it follows the place's. */
    @Transactional
    public WeeklyHours ownHours(ResourceId resource) {
        List<WeeklyHours.Interval> rows = rows(resource);
        return rows.isEmpty() ? null : new WeeklyHours(rows);
    }

    @Transactional
    public WeeklyHours hoursOf(ResourceId resource) {
        WeeklyHours own = ownHours(resource);
        return own != null ? own : placeHours();
    }

    /** Replaces the place's hours (empty: back to the default hours). */
    @Transactional
    public WeeklyHours setPlaceHours(WeeklyHours hours) {
        replace(null, hours);
        return placeHours();
    }

    /** Replaces a resource's own hours; null or empty: it follows the place's hours again. */
    @Transactional
    public void setResourceHours(ResourceId resource, WeeklyHours hours) {
        replace(resource, hours == null ? new WeeklyHours(List.of()) : hours);
    }

    private void replace(ResourceId resource, WeeklyHours hours) {
        placeContext.require();
        if (resource == null) {
            em().createQuery("delete from OpeningHours h where h.resourceId is null")
                    .executeUpdate();
        } else {
            em().createQuery("delete from OpeningHours h where h.resourceId = :r")
                    .setParameter("r", resource.value())
                    .executeUpdate();
        }
        hours.intervals().forEach(i -> em().persist(new OpeningHours(resource, i)));
    }

    private List<WeeklyHours.Interval> rows(ResourceId resource) {
        placeContext.require();
        var query = resource == null
                ? em().createQuery("from OpeningHours h where h.resourceId is null", OpeningHours.class)
                : em().createQuery("from OpeningHours h where h.resourceId = :r", OpeningHours.class)
                        .setParameter("r", resource.value());
        return query.getResultList().stream().map(OpeningHours::interval).toList();
    }

    /** Closures and maintenance blocks overlapping the range, for the place and all its resources. */
    @Transactional
    public List<Closure> closures(TimeRange range) {
        placeContext.require();
        return em().createQuery(
                        "from Closure c where c.startsAt < :end and c.endsAt > :start order by c.startsAt",
                        Closure.class)
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
    }

    @Transactional
    public Closure closure(UUID id) {
        placeContext.require();
        return em().createQuery("from Closure c where c.id = :id", Closure.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("closure.not-found", Map.of("id", id)));
    }

    @Transactional
    public Closure close(ResourceId resource, ClosureKind kind, TimeRange period, String reason, PersonId by) {
        placeContext.require();
        checkLength(period);
        if (kind == ClosureKind.MAINTENANCE && resource == null) {
            throw DomainException.invalid("closure.maintenance-needs-resource", Map.of());
        }
        Closure closure = new Closure(resource, kind, period, blankToNull(reason), by, clock.instant());
        em().persist(closure);
        return closure;
    }

    @Transactional
    public void reopen(UUID closureId) {
        em().remove(closure(closureId));
    }

    @Transactional
    public List<Session> sessions(ResourceId resource, TimeRange range) {
        placeContext.require();
        return em().createQuery(
                        "from Session s where s.resourceId = :r and s.startsAt < :end and s.endsAt > :start"
                                + " order by s.startsAt",
                        Session.class)
                .setParameter("r", resource.value())
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
    }

    @Transactional
    public Session session(UUID id) {
        placeContext.require();
        return em().createQuery("from Session s where s.id = :id", Session.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("session.not-found", Map.of("id", id)));
    }

    /** Schedules a session; two sessions of one resource never overlap (the database refuses it). */
    @Transactional
    public Session schedule(Resource resource, TimeRange period, String title) {
        if (resource.scheduling() != Scheduling.SESSIONS) {
            throw DomainException.invalid("session.not-by-session", Map.of("name", resource.name()));
        }
        checkLength(period);
        if (period.start().isBefore(clock.instant())) {
            throw DomainException.invalid("session.in-past", Map.of());
        }
        Session session = new Session(resource.id(), period, blankToNull(title), clock.instant());
        em().persist(session);
        em().flush();
        return session;
    }

    /** Removes a session nobody booked (a session with bookings is cancelled booking by booking first). */
    @Transactional
    public void unschedule(UUID sessionId) {
        Session session = session(sessionId);
        Number taken = (Number) em().createNativeQuery(
                        "select count(*) from booking where resource_id = :r and period && tstzrange(:s, :e, '[)')"
                                + " and status in ('HELD', 'CONFIRMED')")
                .setParameter("r", session.resource().value())
                .setParameter("s", session.period().start())
                .setParameter("e", session.period().end())
                .getSingleResult();
        if (taken.longValue() > 0) {
            throw DomainException.conflict("session.has-bookings", Map.of("count", taken.longValue()));
        }
        em().remove(session);
    }

    /**
     * Everything that decides when the place's resources are open over {@code range}, read in four queries
     * whatever the number of resources (a week of a whole place must answer fast).
     */
    @Transactional
    public Schedule snapshot(TimeRange range) {
        ZoneId zone = placeContext.require().zone();
        List<OpeningHours> hours =
                em().createQuery("from OpeningHours h", OpeningHours.class).getResultList();
        List<Session> sessions = em().createQuery(
                        "from Session s where s.startsAt < :end and s.endsAt > :start order by s.startsAt",
                        Session.class)
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .getResultList();
        return new Schedule(zone, range, hours, closures(range), sessions);
    }

    private static void checkLength(TimeRange period) {
        if (period.duration().toDays() > MAX_DAYS) {
            throw DomainException.invalid("schedule.too-long", Map.of("days", MAX_DAYS));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
