package org.tierslieux.core.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.ClosureScheduled;
import org.tierslieux.core.booking.WaitlistOffered;
import org.tierslieux.core.kernel.AsOf;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Turns the booking engine's events into mails. Observers run only once the booking's transaction has
 * committed ({@code AFTER_SUCCESS}): a refused or rolled-back booking sends nothing. What they need beyond the
 * event (names, the bookings a maintenance meets) is read afterwards, on the mail's own thread and transaction.
 */
@ApplicationScoped
class BookingMails {

    private static final Logger LOG = Logger.getLogger(BookingMails.class);

    private final Notifier notifier;
    private final PlaceDirectory places;
    private final PlaceScope placeScope;
    private final BookingService bookings;
    private final AfterCommit afterCommit;

    BookingMails(
            Notifier notifier,
            PlaceDirectory places,
            PlaceScope placeScope,
            BookingService bookings,
            AfterCommit afterCommit) {
        this.notifier = notifier;
        this.places = places;
        this.placeScope = placeScope;
        this.bookings = bookings;
        this.afterCommit = afterCommit;
    }

    void confirmed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingConfirmed event) {
        if (replayed(event)) {
            return;
        }
        place(event.place())
                .ifPresent(place -> notifier.bookingConfirmed(place, event.person(), event.resource(), event.period()));
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingCancelled event) {
        if (replayed(event)) {
            return;
        }
        place(event.place())
                .ifPresent(place -> notifier.bookingCancelled(
                        place, event.person(), event.resource(), event.period(), event.cause(), event.reason()));
    }

    void offered(@Observes(during = TransactionPhase.AFTER_SUCCESS) WaitlistOffered event) {
        if (replayed(event)) {
            return;
        }
        place(event.place())
                .ifPresent(place -> notifier.waitlistOffer(
                        place,
                        event.person(),
                        notifier.nameOf(event.resource()),
                        event.period(),
                        event.confirmBefore(),
                        event.booking()));
    }

    /**
     * A maintenance or a closure that meets bookings: each booker hears of it, and the manager then keeps or
     * cancels (a cancellation sends its own mail).
     */
    void maintenance(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClosureScheduled event) {
        if (event.affected().isEmpty() || replayed(event)) {
            return;
        }
        place(event.place())
                .ifPresent(place -> afterCommit.submit(
                        "impact mails of closure " + event.closure(),
                        () -> placeScope.run(place, () -> {
                            for (var id : event.affected()) {
                                var booking = bookings.find(id);
                                if (event.kind() == ClosureKind.CLOSURE) {
                                    notifier.closureImpact(
                                            place,
                                            booking.person(),
                                            notifier.nameOf(booking.resourceId()),
                                            booking.period(),
                                            event.period(),
                                            event.reason());
                                    continue;
                                }
                                notifier.maintenanceImpact(
                                        place,
                                        booking.person(),
                                        notifier.nameOf(booking.resourceId()),
                                        booking.period(),
                                        event.period(),
                                        event.reason());
                            }
                        })));
    }

    /** History replayed as of earlier dates (the demo's calendar) tells nobody anything today. */
    private static boolean replayed(Object event) {
        if (AsOf.replaying()) {
            LOG.debugf("No mail for %s: dated in the past", event);
            return true;
        }
        return false;
    }

    private Optional<PlaceRef> place(PlaceId id) {
        try {
            Optional<PlaceRef> place = places.byId(id);
            if (place.isEmpty()) {
                LOG.warnf("No mail for an event of the unknown place %s", id);
            }
            return place;
        } catch (RuntimeException e) {
            // the booking is committed: a mail that cannot even start is logged, never thrown at its author
            LOG.errorf(e, "No mail for an event of place %s", id);
            return Optional.empty();
        }
    }
}
