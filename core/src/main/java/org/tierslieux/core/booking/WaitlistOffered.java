package org.tierslieux.core.booking;

import java.time.Instant;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/** A waiting member was offered a freed slot: a held booking they may confirm until {@code confirmBefore}. */
public record WaitlistOffered(
        PlaceId place, BookingId booking, ResourceId resource, PersonId person, TimeRange period, Instant confirmBefore)
        implements DomainEvent {}
