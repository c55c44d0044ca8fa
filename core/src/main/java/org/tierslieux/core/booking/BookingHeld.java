package org.tierslieux.core.booking;

import java.time.Instant;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/** A booking took its slot but awaits payment or an answer until {@code holdExpiresAt}. */
public record BookingHeld(
        PlaceId place,
        BookingId booking,
        ResourceId resource,
        PersonId person,
        TimeRange period,
        int seats,
        Instant holdExpiresAt)
        implements DomainEvent {}
