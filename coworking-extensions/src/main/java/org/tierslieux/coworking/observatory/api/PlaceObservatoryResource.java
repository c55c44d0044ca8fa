package org.tierslieux.coworking.observatory.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.observatory.Figures.PlaceFigures;
import org.tierslieux.coworking.observatory.ObservatoryPeriod;
import org.tierslieux.coworking.observatory.ObservatoryService;

@Path("/api/v1/places/{place}/observatory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Observatory")
public class PlaceObservatoryResource {

    private final ObservatoryService observatory;
    private final PlaceContext placeContext;

    PlaceObservatoryResource(ObservatoryService observatory, PlaceContext placeContext) {
        this.observatory = observatory;
        this.placeContext = placeContext;
    }

    @GET
    @Access.InPlace(
            value = {Role.MANAGER, Role.TREASURER},
            networkAdmin = true)
    @Operation(
            summary = "The place's observatory: occupancy per kind of resource, bookings, members, machine hours,"
                    + " network visits, per week or month",
            description = "from and to are days (YYYY-MM-DD, both included; by default the last twelve weeks or"
                    + " months up to today), granularity is week or month (default). At most 1098 days.")
    public PlaceFigures figures(
            @PathParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        var here = placeContext.require();
        return observatory.forPlace(
                here, ObservatoryPeriod.parse(from, to, granularity, observatory.today(here.zone())));
    }
}
