package org.tierslieux.coworking.network;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingMoved;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The network visits, as they happen: a booking the pass admitted is recorded when it is confirmed (in its
 * transaction, with the network rate of the day as a snapshot), moved to the booking's new day (and its new length:
 * half or whole day) when the booking moves, and marked cancelled when it is. Also what the
 * observatory counts ({@link NetworkVisits}) and what the host and the member read.
 */
@ApplicationScoped
public class VisitLog implements NetworkVisits {

    private static final int AFTER_OTHERS = Interceptor.Priority.APPLICATION + 2000;

    /** One visit as the host manager and the member see it. */
    @io.quarkus.qute.TemplateData
    public record Visit(
            UUID id,
            UUID booking,
            String host,
            String hostName,
            String home,
            String homeName,
            UUID person,
            String personName,
            LocalDate day,
            BigDecimal days,
            Instant cancelledAt) {
        public boolean cancelled() {
            return cancelledAt != null;
        }
    }

    private final NetworkPass pass;
    private final NetworkSettings settings;
    private final Members members;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Clock clock;

    VisitLog(
            NetworkPass pass,
            NetworkSettings settings,
            Members members,
            ResourceService resources,
            PlaceContext placeContext,
            Clock clock) {
        this.pass = pass;
        this.settings = settings;
        this.members = members;
        this.resources = resources;
        this.placeContext = placeContext;
        this.clock = clock;
    }

    /**
     * After core's credits and billing's orders observers: the booking's quote is computed (free, by {@link
     * PassPricing}) before this visit counts against the allowance.
     */
    void confirmed(@Observes @Priority(AFTER_OTHERS) BookingConfirmed e) {
        PlaceRef host = placeContext.require();
        Resource resource = resources.find(e.resource());
        if (!NetworkPass.KINDS.contains(resource.kind()) || members.isMemberHere(e.person())) {
            return;
        }
        if (!em().createNativeQuery("select 1 from network_visit where booking_id = :b")
                .setParameter("b", e.booking().value())
                .getResultList()
                .isEmpty()) {
            return;
        }
        pass.quietly(e.person(), host, resource, e.period()).ifPresent(admission -> {
            var terms = settings.terms();
            em().createNativeQuery("insert into network_visit (id, host_place_id, home_place_id, person_id,"
                            + " booking_id, resource_id, day, days, rate, currency, created_at)"
                            + " values (:id, :host, :home, :person, :booking, :resource, :day, :days, :rate,"
                            + " :currency, :now)")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("host", host.id().value())
                    .setParameter("home", admission.home().id().value())
                    .setParameter("person", e.person().value())
                    .setParameter("booking", e.booking().value())
                    .setParameter("resource", e.resource().value())
                    .setParameter("day", admission.day())
                    .setParameter("days", admission.days())
                    .setParameter("rate", terms.rate().amount())
                    .setParameter("currency", terms.rate().currency().getCurrencyCode())
                    .setParameter("now", clock.instant())
                    .executeUpdate();
        });
    }

    void cancelled(@Observes BookingCancelled e) {
        em().createNativeQuery("update network_visit set cancelled_at = :now where booking_id = :b"
                        + " and cancelled_at is null")
                .setParameter("now", clock.instant())
                .setParameter("b", e.booking().value())
                .executeUpdate();
    }

    /**
     * A booking moved (core keeps its id): its visit now counts on the new day, for the new length, so that the
     * allowance and the settlements follow. The rate stays the snapshot taken when it was confirmed.
     */
    void moved(@Observes @Priority(AFTER_OTHERS) BookingMoved e) {
        PlaceRef host = placeContext.require();
        em().createNativeQuery("update network_visit set day = :day, days = :days where booking_id = :b"
                        + " and cancelled_at is null")
                .setParameter("day", e.to().start().atZone(host.zone()).toLocalDate())
                .setParameter(
                        "days",
                        e.to().duration().compareTo(NetworkPass.HALF_DAY) > 0 ? BigDecimal.ONE : new BigDecimal("0.5"))
                .setParameter("b", e.booking().value())
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<DayCount> between(LocalDate from, LocalDate to) {
        List<Object[]> rows = em().createNativeQuery(
                        "select host_place_id, home_place_id, day, count(distinct person_id), sum(days)"
                                + " from network_visit where cancelled_at is null and day between :from and :to"
                                + " group by host_place_id, home_place_id, day order by day, host_place_id,"
                                + " home_place_id",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<DayCount> counts = new ArrayList<>();
        for (Object[] row : rows) {
            counts.add(new DayCount(
                    new PlaceId((UUID) row[0]),
                    new PlaceId((UUID) row[1]),
                    day(row[2]),
                    ((Number) row[3]).intValue(),
                    ((BigDecimal) row[4]).stripTrailingZeros()));
        }
        return counts;
    }

    /** The visits a place hosts over [from, to], cancelled ones included (last). */
    @Transactional
    public List<Visit> hostedBy(PlaceId host, LocalDate from, LocalDate to) {
        return visits("v.host_place_id = :x", host.value(), from, to);
    }

    /** A person's visits over [from, to]. */
    @Transactional
    public List<Visit> of(PersonId person, LocalDate from, LocalDate to) {
        return visits("v.person_id = :x", person.value(), from, to);
    }

    private List<Visit> visits(String where, UUID x, LocalDate from, LocalDate to) {
        List<Object[]> rows = em().createNativeQuery(
                        "select v.id, v.booking_id, h.slug, h.name, o.slug, o.name, v.person_id, p.display_name,"
                                + " v.day, v.days, v.cancelled_at from network_visit v"
                                + " join place h on h.id = v.host_place_id join place o on o.id = v.home_place_id"
                                + " join person p on p.id = v.person_id where " + where
                                + " and v.day between :from and :to"
                                + " order by (v.cancelled_at is not null), v.day, p.display_name, v.id",
                        Object[].class)
                .setParameter("x", x)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<Visit> visits = new ArrayList<>();
        for (Object[] r : rows) {
            visits.add(new Visit(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (UUID) r[6],
                    (String) r[7],
                    day(r[8]),
                    ((BigDecimal) r[9]).stripTrailingZeros(),
                    r[10] == null ? null : Columns.instant(r[10])));
        }
        return visits;
    }

    static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
