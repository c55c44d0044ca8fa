package org.tierslieux.core.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Closures and maintenance blocks as they touch bookings: closing over existing bookings keeps them but
 * tells their members (by e-mail, through {@link ClosureScheduled}) and lists them for the manager, who then
 * cancels them all (with a reason members receive) or keeps them.
 */
@ApplicationScoped
public class Closures {

    /** A closure and the active bookings it meets. */
    public record Impact(Closure closure, List<Booking> affected) {}

    private final PlaceContext placeContext;
    private final ScheduleService schedules;
    private final ResourceService resources;
    private final BookingService bookings;
    private final Event<DomainEvent> events;

    Closures(
            PlaceContext placeContext,
            ScheduleService schedules,
            ResourceService resources,
            BookingService bookings,
            Event<DomainEvent> events) {
        this.placeContext = placeContext;
        this.schedules = schedules;
        this.resources = resources;
        this.bookings = bookings;
        this.events = events;
    }

    @Transactional
    public Impact close(Booker manager, ResourceId resource, ClosureKind kind, TimeRange period, String reason) {
        if (resource != null) {
            resources.find(resource);
        }
        Closure closure = schedules.close(resource, kind, period, reason, manager.person());
        List<Booking> affected = affected(closure);
        events.fire(new ClosureScheduled(
                placeContext.require().id(),
                closure.id(),
                resource,
                kind,
                period,
                closure.reason(),
                affected.stream().map(Booking::id).toList()));
        return new Impact(closure, affected);
    }

    @Transactional
    public Impact impact(UUID closureId) {
        Closure closure = schedules.closure(closureId);
        return new Impact(closure, affected(closure));
    }

    /** Cancels every active booking the closure meets, for the reason given (or the closure's). */
    @Transactional
    public List<Booking> cancelAffected(Booker manager, UUID closureId, String reason) {
        Closure closure = schedules.closure(closureId);
        String why = reason == null || reason.isBlank() ? closure.reason() : reason.strip();
        return affected(closure).stream()
                .map(b -> bookings.cancelForMaintenance(manager, b.id(), why))
                .toList();
    }

    private List<Booking> affected(Closure closure) {
        List<Booking> active = closure.resource().isPresent()
                ? bookings.ofResource(closure.resource().get(), closure.period())
                : bookings.inPlace(closure.period(), true);
        return active.stream().filter(b -> b.status().takesTheSlot()).toList();
    }
}
