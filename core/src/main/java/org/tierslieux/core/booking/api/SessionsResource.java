package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Session;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/resources/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule")
public class SessionsResource extends ScheduleViews {

    private final ScheduleService schedules;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final BookingViews views;

    SessionsResource(
            ScheduleService schedules, ResourceService resources, PlaceContext placeContext, BookingViews views) {
        this.schedules = schedules;
        this.resources = resources;
        this.placeContext = placeContext;
        this.views = views;
    }

    @Override
    PlaceContext placeContext() {
        return placeContext;
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "Sessions of a training or an event over local days `from`..`to`")
    public List<SessionResponse> sessions(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        ResourceId resource = resources.find(new ResourceId(id)).id();
        return schedules.sessions(resource, views.days(from, to)).stream()
                .map(this::session)
                .toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Schedule a session of a training or an event")
    public Response schedule(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull SessionRequest request) {
        Session session = schedules.schedule(
                resources.find(new ResourceId(id)), Times.period(request.start(), request.end()), request.title());
        return Response.status(201).entity(session(session)).build();
    }

    @DELETE
    @Path("/{session}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Remove a session nobody booked")
    public Response unschedule(
            @PathParam("place") String place, @PathParam("id") UUID id, @PathParam("session") UUID session) {
        resources.find(new ResourceId(id));
        schedules.unschedule(session);
        return Response.noContent().build();
    }
}
