package org.tierslieux.coworking.network.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.network.NetworkSettings;
import org.tierslieux.coworking.network.VisitLog;

@Path("/api/v1/places/{place}/network")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network pass")
public class PlaceNetworkResource {

    public record Participation(@NotNull Boolean participating) {}

    public record VisitorsResponse(YearMonth month, List<VisitLog.Visit> visits) {}

    private final NetworkSettings settings;
    private final VisitLog visits;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;

    PlaceNetworkResource(
            NetworkSettings settings, VisitLog visits, PlaceContext placeContext, Caller caller, Clock clock) {
        this.settings = settings;
        this.visits = visits;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Whether the place takes part in the network pass")
    public Participation get(@PathParam("place") String place) {
        return new Participation(settings.participates(placeContext.require().id()));
    }

    @PUT
    @Access.InPlace(value = Role.MANAGER, networkAdmin = true)
    @Operation(
            summary = "Opt the place in to (or out of) the network pass (managers, network admins)",
            description = "Members of other places taking part may then book its desks and desk pools within"
                    + " their monthly allowance; visits already booked stay when a place opts out.")
    public Participation set(@PathParam("place") String place, @Valid @NotNull Participation request) {
        settings.setParticipating(placeContext.require().id(), request.participating(), caller.requirePerson());
        return get(place);
    }

    @GET
    @Path("/visitors")
    @Access.InPlace(value = Role.MANAGER, networkAdmin = true)
    @Operation(
            summary = "Network visitors of the place over a month (managers)",
            description = "`month` YYYY-MM (this month by default; 422 network.month-invalid). Cancelled visits"
                    + " come last, with `cancelledAt`.")
    public VisitorsResponse visitors(@PathParam("place") String place, @QueryParam("month") String month) {
        YearMonth m = NetworkMonth.parse(month, clock);
        return new VisitorsResponse(m, visits.hostedBy(placeContext.require().id(), m.atDay(1), m.atEndOfMonth()));
    }
}
