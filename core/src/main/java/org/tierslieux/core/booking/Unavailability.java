package org.tierslieux.core.booking;

import java.util.List;
import java.util.Map;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;

/**
 * Extension point: time a resource is not free although no booking takes it (a dedicated desk on the days its
 * holder keeps). What it returns is shown as taken by every availability answer (the API, the booking pages,
 * the desks page), so that nobody is offered a slot that the extension's own {@link BookingPolicy} refuses.
 * Declare an {@code @ApplicationScoped} bean; it runs in the availability's transaction, in the current place.
 */
public interface Unavailability {

    /** The periods of {@code resources} taken over {@code range}, by resource; resources absent have none. */
    Map<ResourceId, List<Availability.Taken>> during(List<Resource> resources, TimeRange range);
}
