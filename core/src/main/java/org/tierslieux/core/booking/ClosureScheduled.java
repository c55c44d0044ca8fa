package org.tierslieux.core.booking;

import java.util.List;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.schedule.ClosureKind;

/**
 * A manager closed a resource (or the whole place, {@code resource} null) or put it under maintenance over
 * {@code period}; {@code affected} are the active bookings that meet it, which the manager keeps or cancels.
 */
public record ClosureScheduled(
        PlaceId place,
        java.util.UUID closure,
        ResourceId resource,
        ClosureKind kind,
        TimeRange period,
        String reason,
        List<BookingId> affected)
        implements DomainEvent {}
