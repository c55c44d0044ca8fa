package org.tierslieux.core.booking;

import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;

/** What someone tries to book, as booking policies see it before the booking exists. */
public record BookingAttempt(PlaceRef place, Resource resource, PersonId person, TimeRange period, int seats) {}
