package org.tierslieux.coworking.checkin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.coworking.checkin.CheckinService;

/** The live occupancy of a place's desk pools, desks and rooms. */
@Path("/api/v1/places/{place}/occupancy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class OccupancyResource {

    public record LiveOccupancy(Instant at, List<CheckinService.Occupancy> resources, int present, int guests) {}

    private final CheckinService checkins;
    private final java.time.Clock clock;

    OccupancyResource(CheckinService checkins, java.time.Clock clock) {
        this.checkins = checkins;
        this.clock = clock;
    }

    @GET
    @Path("/live")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Live occupancy",
            description = "Per desk pool, desk and room: capacity, seats booked now, people checked in now; and"
                    + " how many people (guests among them) are here.")
    public LiveOccupancy live(@PathParam("place") String place) {
        var here = checkins.here();
        return new LiveOccupancy(clock.instant(), checkins.occupancy(), here.size(), (int)
                here.stream().filter(CheckinService.Present::isGuest).count());
    }
}
