package org.tierslieux.coworking.desk;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.booking.Availability;
import org.tierslieux.core.booking.Unavailability;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * A dedicated desk is not free on the days its holder keeps: every availability answer (the week's booking
 * page, the API, the desks page) shows those days taken, as {@link DedicatedDeskPolicy} refuses to book them.
 * Released days stay free.
 */
@ApplicationScoped
class HeldDesks implements Unavailability {

    private final DeskAssignments assignments;
    private final PlaceContext placeContext;

    HeldDesks(DeskAssignments assignments, PlaceContext placeContext) {
        this.assignments = assignments;
        this.placeContext = placeContext;
    }

    @Override
    public Map<ResourceId, List<Availability.Taken>> during(List<Resource> resources, TimeRange range) {
        List<Resource> desks = resources.stream()
                .filter(r -> DeskDays.DESK_KIND.equals(r.kind()))
                .toList();
        Map<ResourceId, Integer> seats = new HashMap<>();
        desks.forEach(d -> seats.put(d.id(), d.seatsOnOffer()));
        Map<ResourceId, List<Availability.Taken>> taken = new HashMap<>();
        assignments
                .kept(desks, range, placeContext.require().zone())
                .forEach((desk, periods) -> taken.put(
                        desk,
                        periods.stream()
                                .map(period -> new Availability.Taken(period, seats.get(desk)))
                                .toList()));
        return taken;
    }
}
