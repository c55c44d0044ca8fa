package org.tierslieux.coworking.checkin;

import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;

/**
 * Someone arrived at a place and was checked in (by the staff page, the self check-in page, or a guest's
 * pass). {@code booking} is the booking checked in, or null for a pass without booking; {@code person} is the
 * member, or the host of a guest; {@code guestName} is set for a guest. Door controllers and chat tools hear
 * of it through the outgoing webhooks.
 */
public record CheckinCreated(
        PlaceId place,
        UUID checkin,
        UUID booking,
        UUID resource,
        PersonId person,
        String guestName,
        String method,
        Instant at)
        implements DomainEvent {}
