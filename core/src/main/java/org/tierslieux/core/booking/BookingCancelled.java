package org.tierslieux.core.booking;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/** A booking gave its slot back: cancelled by its member or a manager, or a hold that expired. */
public record BookingCancelled(
        PlaceId place,
        BookingId booking,
        ResourceId resource,
        PersonId person,
        TimeRange period,
        int seats,
        CancelCause cause,
        String reason)
        implements DomainEvent {}
