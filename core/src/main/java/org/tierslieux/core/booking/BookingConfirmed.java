package org.tierslieux.core.booking;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/** A booking is confirmed (at once, or when its hold was paid or accepted). */
public record BookingConfirmed(
        PlaceId place, BookingId booking, ResourceId resource, PersonId person, TimeRange period, int seats)
        implements DomainEvent {}
