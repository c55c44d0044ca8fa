package org.tierslieux.core.booking;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/** A booking moved to another time on the same resource; {@code from} is free again. */
public record BookingMoved(
        PlaceId place, BookingId booking, ResourceId resource, PersonId person, TimeRange from, TimeRange to, int seats)
        implements DomainEvent {}
