package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Session;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.tenancy.PlaceContext;

/** Opening hours, closures, maintenance blocks and sessions: what managers set, what members may read. */
@Path("/api/v1/places/{place}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule")
public class ScheduleResource {

    public record HoursInterval(
            @NotNull DayOfWeek day,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes) {}

    /** {@code inherited}: a resource following the place's hours, or a place on the default hours. */
    public record Hours(@NotNull @Size(max = 70) List<@Valid @NotNull HoursInterval> hours, Boolean inherited) {}

    public record ClosureRequest(
            UUID resourceId,
            ClosureKind kind,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Size(max = 500) String reason) {}

    public record ClosureResponse(
            UUID id, UUID resourceId, ClosureKind kind, OffsetDateTime start, OffsetDateTime end, String reason) {}

    public record ImpactResponse(ClosureResponse closure, List<BookingsResource.PlaceBookingResponse> affected) {}

    public record CancelAffected(@Size(max = 500) String reason) {}

    public record SessionRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Size(max = 200) String title) {}

    public record SessionResponse(UUID id, UUID resourceId, OffsetDateTime start, OffsetDateTime end, String title) {}

    private final ScheduleService schedules;
    private final Closures closures;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final BookingViews views;

    ScheduleResource(
            ScheduleService schedules,
            Closures closures,
            ResourceService resources,
            PlaceContext placeContext,
            Caller caller,
            BookingViews views) {
        this.schedules = schedules;
        this.closures = closures;
        this.resources = resources;
        this.placeContext = placeContext;
        this.caller = caller;
        this.views = views;
    }

    @GET
    @Path("/opening-hours")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The place's weekly opening hours (local time)")
    public Hours placeHours(@PathParam("place") String place) {
        return hours(schedules.placeHours(), schedules.placeHoursAreDefault());
    }

    @PUT
    @Path("/opening-hours")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Replace the place's weekly opening hours",
            description = "An empty list restores the default (Mon–Fri 9:00–18:00).")
    public Hours setPlaceHours(@PathParam("place") String place, @Valid @NotNull Hours request) {
        schedules.setPlaceHours(weekly(request));
        return placeHours(place);
    }

    @GET
    @Path("/resources/{id}/opening-hours")
    @Access.InPlace(Role.MEMBER)
    public Hours resourceHours(@PathParam("place") String place, @PathParam("id") UUID id) {
        ResourceId resource = resources.find(new ResourceId(id)).id();
        WeeklyHours own = schedules.ownHours(resource);
        return own == null ? hours(schedules.placeHours(), true) : hours(own, false);
    }

    @PUT
    @Path("/resources/{id}/opening-hours")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Replace a resource's own hours", description = "An empty list: it follows the place's hours.")
    public Hours setResourceHours(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull Hours request) {
        ResourceId resource = resources.find(new ResourceId(id)).id();
        schedules.setResourceHours(resource, weekly(request));
        return resourceHours(place, id);
    }

    @GET
    @Path("/closures")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Closures and maintenance blocks over local days `from`..`to`")
    public List<ClosureResponse> closures(
            @PathParam("place") String place, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return schedules.closures(views.days(from, to)).stream()
                .map(this::closure)
                .toList();
    }

    @POST
    @Path("/closures")
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
    @Path("/closures/{id}")
    @Access.InPlace(Role.MANAGER)
    public ImpactResponse closure(@PathParam("place") String place, @PathParam("id") UUID id) {
        var impact = closures.impact(id);
        return new ImpactResponse(closure(impact.closure()), views.withPeople(impact.affected()));
    }

    @POST
    @Path("/closures/{id}/cancel-affected")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Cancel every booking the closure meets; members get the reason by e-mail")
    public List<BookingResponse> cancelAffected(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid CancelAffected request) {
        return closures.cancelAffected(Booker.of(caller), id, request == null ? null : request.reason()).stream()
                .map(views::of)
                .toList();
    }

    @DELETE
    @Path("/closures/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Reopen: remove a closure or maintenance block")
    public Response reopen(@PathParam("place") String place, @PathParam("id") UUID id) {
        schedules.reopen(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/resources/{id}/sessions")
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
    @Path("/resources/{id}/sessions")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Schedule a session of a training or an event")
    public Response schedule(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull SessionRequest request) {
        Session session = schedules.schedule(
                resources.find(new ResourceId(id)), Times.period(request.start(), request.end()), request.title());
        return Response.status(201).entity(session(session)).build();
    }

    @DELETE
    @Path("/resources/{id}/sessions/{session}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Remove a session nobody booked")
    public Response unschedule(
            @PathParam("place") String place, @PathParam("id") UUID id, @PathParam("session") UUID session) {
        resources.find(new ResourceId(id));
        schedules.unschedule(session);
        return Response.noContent().build();
    }

    private ClosureResponse closure(Closure c) {
        ZoneId zone = placeContext.require().zone();
        return new ClosureResponse(
                c.id(),
                c.resource().map(ResourceId::value).orElse(null),
                c.kind(),
                Times.local(c.period().start(), zone),
                Times.local(c.period().end(), zone),
                c.reason());
    }

    private SessionResponse session(Session s) {
        ZoneId zone = placeContext.require().zone();
        return new SessionResponse(
                s.id(),
                s.resource().value(),
                Times.local(s.period().start(), zone),
                Times.local(s.period().end(), zone),
                s.title());
    }

    private static Hours hours(WeeklyHours hours, boolean inherited) {
        return new Hours(
                hours.intervals().stream()
                        .map(i -> new HoursInterval(i.day(), i.opens(), i.closes()))
                        .toList(),
                inherited);
    }

    private static WeeklyHours weekly(Hours request) {
        return new WeeklyHours(request.hours().stream()
                .map(i -> new WeeklyHours.Interval(i.day(), i.opens(), i.closes()))
                .toList());
    }
}
