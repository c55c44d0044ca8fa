package org.tierslieux.core.calendar;

import java.util.UUID;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.resource.ResourceId;

/**
 * A live feed: whose it is and what it shows. A member's feed has no place and no resource (it covers the
 * person's bookings everywhere); a resource's feed has both.
 */
record CalendarFeed(UUID id, PersonId person, PlaceId place, ResourceId resource) {

    boolean isMemberFeed() {
        return resource == null;
    }
}
