package org.tierslieux.server.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingHeld;
import org.tierslieux.core.booking.BookingMoved;
import org.tierslieux.core.booking.ClosureScheduled;
import org.tierslieux.core.booking.WaitlistOffered;
import org.tierslieux.core.kernel.DomainEvent;

/**
 * Listens to the booking events as another module would, and keeps those whose transaction committed: a test
 * asks which events concern its booking or its resource.
 */
@ApplicationScoped
public class RecordedEvents {

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    void held(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingHeld e) {
        events.add(e);
    }

    void confirmed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingConfirmed e) {
        events.add(e);
    }

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingCancelled e) {
        events.add(e);
    }

    void moved(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingMoved e) {
        events.add(e);
    }

    void offered(@Observes(during = TransactionPhase.AFTER_SUCCESS) WaitlistOffered e) {
        events.add(e);
    }

    void closing(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClosureScheduled e) {
        events.add(e);
    }

    /** The events of one type about one booking, in the order they were published. */
    public <T extends DomainEvent> List<T> about(Class<T> type, String bookingId) {
        UUID id = UUID.fromString(bookingId);
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> id.equals(bookingOf(e)))
                .toList();
    }

    /** The events of one type about any booking of one resource. */
    public <T extends DomainEvent> List<T> onResource(Class<T> type, String resourceId) {
        UUID id = UUID.fromString(resourceId);
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> id.equals(resourceOf(e)))
                .toList();
    }

    public <T extends DomainEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static UUID bookingOf(DomainEvent e) {
        return switch (e) {
            case BookingHeld h -> h.booking().value();
            case BookingConfirmed c -> c.booking().value();
            case BookingCancelled c -> c.booking().value();
            case BookingMoved m -> m.booking().value();
            case WaitlistOffered o -> o.booking().value();
            default -> null;
        };
    }

    private static UUID resourceOf(DomainEvent e) {
        return switch (e) {
            case BookingHeld h -> h.resource().value();
            case BookingConfirmed c -> c.resource().value();
            case BookingCancelled c -> c.resource().value();
            case BookingMoved m -> m.resource().value();
            case WaitlistOffered o -> o.resource().value();
            case ClosureScheduled s ->
                s.resource() == null ? null : s.resource().value();
            default -> null;
        };
    }
}
