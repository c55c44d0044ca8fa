package org.tierslieux.core.booking.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/resources/{id}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class ResourceAvailabilityResource {

    private final AvailabilityService availability;
    private final PlaceContext placeContext;

    ResourceAvailabilityResource(AvailabilityService availability, PlaceContext placeContext) {
        this.availability = availability;
        this.placeContext = placeContext;
    }

    @GET
    @Access.SignedIn
    @Operation(
            summary = "Free intervals of a resource",
            description = "Local days `from`..`to` (YYYY-MM-DD, both included, at most 62 days; `to` defaults to"
                    + " from + 6). Each interval lies on the resource's booking grid, with the seats left.")
    public List<AvailabilityResource.FreeInterval> ofResource(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        return AvailabilityResource.intervals(
                placeContext, availability.of(new ResourceId(id), from, Times.lastDay(from, to)));
    }
}
