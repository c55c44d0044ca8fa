package org.tierslieux.coworking.desk.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.desk.DeskAssignments;

/**
 * Dedicated desks: managers assign a desk to a member's subscription and end assignments; the holder (or a
 * manager) sees the desk's days and releases the days the holder is away, or takes them back while unbooked.
 */
@Path("/api/v1/places/{place}/desk-assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coworking: desks")
public class DeskAssignmentsResource {

    public record AssignRequest(
            @NotNull UUID resourceId, @NotNull UUID personId, UUID subscriptionId) {}

    public record DaysRequest(@NotNull LocalDate from, LocalDate to) {
        LocalDate toOrFrom() {
            return to == null ? from : to;
        }
    }

    public record AssignmentResponse(
            UUID id,
            UUID resourceId,
            String deskName,
            UUID subscriptionId,
            UUID personId,
            String holderName,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            boolean active) {}

    public record DayJson(LocalDate date, DeskAssignments.DayState state, boolean past, boolean open) {}

    public record DaysResponse(UUID assignmentId, LocalDate from, LocalDate to, List<DayJson> days) {}

    private static final int DEFAULT_DAYS = 28;

    private final DeskAssignments assignments;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;

    DeskAssignmentsResource(DeskAssignments assignments, PlaceContext placeContext, Caller caller, Clock clock) {
        this.assignments = assignments;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Dedicated desks assigned (managers)",
            description = "The assignments holding now; `all=true` adds the ended ones. `endsAt` is null while the"
                    + " subscription runs on (it is read from the subscription: its cancellation or last period).")
    public List<AssignmentResponse> list(
            @PathParam("place") String place, @QueryParam("all") @DefaultValue("false") boolean all) {
        return assignments.list(all).stream().map(this::view).toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Assign a dedicated desk to a member's subscription (managers)",
            description = "`{resourceId, personId, subscriptionId?}`: a desk (kind DESK) of the place, for the"
                    + " member's active subscription (that one, or the member's current one). It holds from now for as"
                    + " long as the subscription runs. Others' bookings already taken on the desk stand (their days"
                    + " count as released). 409 desk.already-assigned; 422 desk.no-subscription; 422"
                    + " desk.not-a-desk; 404 resource.not-found.")
    public Response assign(@PathParam("place") String place, @Valid @NotNull AssignRequest request) {
        DeskAssignments.Assignment assignment = assignments.assign(
                new ResourceId(request.resourceId()),
                new PersonId(request.personId()),
                request.subscriptionId(),
                caller.requirePerson());
        return Response.created(URI.create("/api/v1/places/" + place + "/desk-assignments/" + assignment.id()))
                .entity(view(assignment))
                .build();
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The caller's dedicated desks", description = "The assignments of the caller holding now.")
    public List<AssignmentResponse> mine(@PathParam("place") String place) {
        return assignments.mine(caller.requirePerson()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "One assignment", description = "The holder's own, or any for a manager; 404 otherwise.")
    public AssignmentResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(visible(id));
    }

    @POST
    @Path("/{id}/end")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "End an assignment now (managers)",
            description = "The desk is anyone's from now on. 409 desk.assignment-ended when it no longer holds.")
    public AssignmentResponse end(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(assignments.end(id));
    }

    @GET
    @Path("/{id}/days")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "The days of a dedicated desk",
            description = "Local days `from`..`to` (default today and the next 4 weeks, at most 92 days) while the"
                    + " assignment holds: HELD (the holder's), RELEASED (others may book it), TAKEN (released and"
                    + " booked by someone else), with `past` and `open` (the desk opens that day).")
    public DaysResponse days(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        DeskAssignments.Assignment assignment = visible(id);
        ZoneId zone = placeContext.require().zone();
        LocalDate first = from == null ? LocalDate.now(clock.withZone(zone)) : date(from);
        LocalDate last = to == null ? first.plusDays(DEFAULT_DAYS - 1) : date(to);
        return response(assignment.id(), first, last, assignments.days(assignment, first, last));
    }

    @POST
    @Path("/{id}/releases")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Release days of a dedicated desk (away)",
            description = "`{from, to?}` (one day when `to` is absent): the holder (or a manager) releases those"
                    + " days; others may then book the desk by the half-day or the day at its usual prices. Releasing"
                    + " a released day again changes nothing. 422 desk.day-past for a past day, 422 desk.day-outside"
                    + " for a day outside the assignment, 409 desk.assignment-ended.")
    public DaysResponse release(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull DaysRequest request) {
        LocalDate to = request.toOrFrom();
        return response(
                id,
                request.from(),
                to,
                assignments.release(id, caller.requirePerson(), caller.has(Role.MANAGER), request.from(), to));
    }

    @POST
    @Path("/{id}/take-back")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Take released days back",
            description = "`{from, to?}`: the days become the holder's again, unless someone booked one of them"
                    + " meanwhile: 409 desk.release-booked (nothing taken back). 422 desk.day-past for a past day.")
    public DaysResponse takeBack(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull DaysRequest request) {
        LocalDate to = request.toOrFrom();
        return response(
                id,
                request.from(),
                to,
                assignments.takeBack(id, caller.requirePerson(), caller.has(Role.MANAGER), request.from(), to));
    }

    private DeskAssignments.Assignment visible(UUID id) {
        return assignments.visible(id, caller.requirePerson(), caller.has(Role.MANAGER));
    }

    private static DaysResponse response(UUID id, LocalDate from, LocalDate to, List<DeskAssignments.HolderDay> days) {
        return new DaysResponse(
                id,
                from,
                to,
                days.stream()
                        .map(d -> new DayJson(d.date(), d.state(), d.past(), d.open()))
                        .toList());
    }

    private AssignmentResponse view(DeskAssignments.Assignment a) {
        ZoneId zone = placeContext.require().zone();
        return new AssignmentResponse(
                a.id(),
                a.desk().id().value(),
                a.desk().name(),
                a.subscriptionId(),
                a.holder().value(),
                a.holderName(),
                a.startsAt().atZone(zone).toOffsetDateTime(),
                a.endsAt() == null ? null : a.endsAt().atZone(zone).toOffsetDateTime(),
                !a.over(clock.instant()));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
    }
}
