package org.tierslieux.core.booking;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Waiting lists for full slots. When a booking gives its slot back, waiting members are offered it in the
 * order they joined: each offer is a held booking (so nobody else takes the place meanwhile) that the
 * member confirms within the offer window; an offer left unanswered expires and the next one is offered.
 */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);

    private final Clock clock;
    private final PlaceContext placeContext;
    private final BookingService bookings;
    private final Event<DomainEvent> events;
    private final Duration offerWindow;

    WaitlistService(
            Clock clock,
            PlaceContext placeContext,
            BookingService bookings,
            Event<DomainEvent> events,
            @ConfigProperty(name = "tl.booking.waitlist-offer-window", defaultValue = "PT2H") Duration offerWindow) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.bookings = bookings;
        this.events = events;
        this.offerWindow = offerWindow;
    }

    /** Joins the waiting list of a slot that is full now (a free slot is booked, not waited for). */
    @Transactional
    public WaitlistEntry join(Booker booker, BookingService.Request request) {
        Resource resource = bookings.checkOnly(booker, request);
        if (!bookings.isFull(resource, request.period(), request.seats())) {
            throw DomainException.conflict("waitlist.slot-free", Map.of());
        }
        boolean already = !em().createQuery(
                        "select w.id from WaitlistEntry w where w.personId = :p and w.resourceId = :r"
                                + " and w.startsAt = :s and w.endsAt = :e and w.status in ('WAITING', 'OFFERED')",
                        UUID.class)
                .setParameter("p", booker.person().value())
                .setParameter("r", resource.id().value())
                .setParameter("s", request.period().start())
                .setParameter("e", request.period().end())
                .getResultList()
                .isEmpty();
        if (already) {
            throw DomainException.conflict("waitlist.already-waiting", Map.of());
        }
        WaitlistEntry entry =
                new WaitlistEntry(resource.id(), booker.person(), request.period(), request.seats(), clock.instant());
        em().persist(entry);
        return entry;
    }

    @Transactional
    public WaitlistEntry withdraw(Booker booker, UUID id) {
        WaitlistEntry entry = em().createQuery(
                        "from WaitlistEntry w where w.id = :id and w.personId = :p", WaitlistEntry.class)
                .setParameter("id", id)
                .setParameter("p", booker.person().value())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("waitlist.not-found", Map.of("id", id)));
        entry.withdraw();
        return entry;
    }

    @Transactional
    public List<WaitlistEntry> mine(PersonId person) {
        placeContext.require();
        return em().createQuery(
                        "from WaitlistEntry w where w.personId = :p and w.endsAt > :now"
                                + " and w.status in ('WAITING', 'OFFERED') order by w.startsAt",
                        WaitlistEntry.class)
                .setParameter("p", person.value())
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /** An offer accepted: the entry is done. Runs in the confirming transaction. */
    void onConfirmed(@Observes BookingConfirmed confirmed) {
        offeredFor(confirmed.booking()).forEach(WaitlistEntry::booked);
    }

    /** An offer left to expire (or cancelled): the entry is done, and the slot goes to the next in line. */
    void onCancelled(@Observes BookingCancelled cancelled) {
        offeredFor(cancelled.booking()).forEach(WaitlistEntry::offerExpired);
    }

    void afterCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingCancelled cancelled) {
        offerFreed(cancelled.resource(), cancelled.period());
    }

    void afterMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingMoved moved) {
        offerFreed(moved.resource(), moved.from());
    }

    private List<WaitlistEntry> offeredFor(BookingId booking) {
        return em().createQuery(
                        "from WaitlistEntry w where w.offeredBookingId = :b and w.status = 'OFFERED'",
                        WaitlistEntry.class)
                .setParameter("b", booking.value())
                .getResultList();
    }

    /** Offers a freed period to the waiting members whose slot overlaps it, first come first served. */
    void offerFreed(ResourceId resource, TimeRange freed) {
        try {
            List<UUID> waiting = QuarkusTransaction.requiringNew()
                    .call(() -> em().createQuery(
                                    "select w.id from WaitlistEntry w where w.resourceId = :r and w.status = 'WAITING'"
                                            + " and w.startsAt < :end and w.endsAt > :start and w.startsAt > :now"
                                            + " order by w.createdAt, w.id",
                                    UUID.class)
                            .setParameter("r", resource.value())
                            .setParameter("start", freed.start())
                            .setParameter("end", freed.end())
                            .setParameter("now", clock.instant())
                            .getResultList());
            for (UUID id : waiting) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> offer(id));
                } catch (DomainException stillTaken) {
                    LOG.debugf("Waitlist entry %s not offered: %s", id, stillTaken.code());
                }
            }
        } catch (RuntimeException e) {
            // the cancellation itself is done; a failed offer must not turn it into an error
            LOG.errorf(e, "Could not offer a freed slot of resource %s", resource);
        }
    }

    private void offer(UUID entryId) {
        WaitlistEntry entry = em().createQuery("from WaitlistEntry w where w.id = :id", WaitlistEntry.class)
                .setParameter("id", entryId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (entry == null || entry.status() != WaitlistStatus.WAITING) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(offerWindow);
        if (until.isAfter(entry.period().start())) {
            until = entry.period().start();
        }
        Booking held = bookings.hold(
                new Booker(entry.person(), true, false),
                new BookingService.Request(entry.resourceId(), entry.period(), entry.seats(), null),
                until);
        entry.offer(held.id(), until);
        events.fire(new WaitlistOffered(
                placeContext.require().id(), held.id(), entry.resourceId(), entry.person(), entry.period(), until));
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
