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
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Closures;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/closures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule")
public class ClosuresResource extends ScheduleViews {

    private final ScheduleService schedules;
    private final Closures closures;
    private final PlaceContext placeContext;
    private final BookingViews views;
    private final Caller caller;

    ClosuresResource(
            ScheduleService schedules,
            Closures closures,
            PlaceContext placeContext,
            BookingViews views,
            Caller caller) {
        this.caller = caller;
        this.schedules = schedules;
        this.closures = closures;
        this.placeContext = placeContext;
        this.views = views;
    }

    @Override
    PlaceContext placeContext() {
        return placeContext;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Closures and maintenance blocks over local days `from`..`to`")
    public List<ClosureResponse> closures(
            @PathParam("place") String place, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return schedules.closures(views.days(from, to)).stream()
                .map(this::closure)
                .toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Close the place or a resource, or put a machine under maintenance",
            description = "Existing bookings are kept and listed in `affected`; their members are told by e-mail."
                    + " Cancel them with POST /closures/{id}/cancel-affected.")
    public Response close(@PathParam("place") String place, @Valid @NotNull ClosureRequest request) {
        var impact = closures.close(
                Booker.of(caller),
                request.resourceId() == null ? null : new ResourceId(request.resourceId()),
                request.kind() == null ? ClosureKind.CLOSURE : request.kind(),
                Times.period(request.start(), request.end()),
                request.reason());
        return Response.status(201)
                .entity(new ImpactResponse(closure(impact.closure()), views.withPeople(impact.affected())))
                .build();
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    public ImpactResponse closure(@PathParam("place") String place, @PathParam("id") UUID id) {
        var impact = closures.impact(id);
        return new ImpactResponse(closure(impact.closure()), views.withPeople(impact.affected()));
    }

    @POST
    @Path("/{id}/cancel-affected")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Cancel every booking the closure meets; members get the reason by e-mail")
    public List<BookingResponse> cancelAffected(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid
                    CancelAffected request) {
        return closures.cancelAffected(Booker.of(caller), id, request == null ? null : request.reason()).stream()
                .map(views::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Reopen: remove a closure or maintenance block")
    public Response reopen(@PathParam("place") String place, @PathParam("id") UUID id) {
        schedules.reopen(id);
        return Response.noContent().build();
    }
}
