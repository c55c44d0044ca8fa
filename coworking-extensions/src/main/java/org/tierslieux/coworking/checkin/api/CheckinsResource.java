package org.tierslieux.coworking.checkin.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.coworking.checkin.CheckinService;

/** Arrivals: the staff reads a pass or picks a booking or guest; a member checks themself in. */
@Path("/api/v1/places/{place}/checkins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class CheckinsResource {

    /** Exactly one of: the code read on a pass, a booking of today, a guest of today. */
    public record CheckinRequest(@Size(max = 100) String code, UUID bookingId, UUID guestId) {}

    public record SelfRequest(@NotNull UUID bookingId) {}

    /** A member without a booking (by their e-mail) on a desk pool. */
    public record WalkInRequest(
            @NotNull @Size(max = 320) String email, @NotNull UUID resourceId) {}

    private final CheckinService checkins;
    private final Caller caller;

    CheckinsResource(CheckinService checkins, Caller caller) {
        this.checkins = checkins;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Check someone in (staff)",
            description = "With the `code` read on a QR pass, or a `bookingId` / `guestId` of today. 201 with the"
                    + " check-in; a code unknown here (another place's) 404 checkin.code-unknown; already checked in"
                    + " 409 checkin.already-used; not today 409 checkin.not-today.")
    public Response checkIn(@PathParam("place") String place, @Valid @NotNull CheckinRequest request) {
        int given = (request.code() == null ? 0 : 1)
                + (request.bookingId() == null ? 0 : 1)
                + (request.guestId() == null ? 0 : 1);
        if (given != 1) {
            throw DomainException.invalid("checkin.request-invalid", Map.of());
        }
        var by = caller.requirePerson();
        CheckinService.Done done;
        if (request.code() != null) {
            done = checkins.scan(request.code(), by);
        } else if (request.bookingId() != null) {
            done = checkins.checkInBooking(new BookingId(request.bookingId()), "STAFF", by);
        } else {
            done = checkins.checkInGuest(request.guestId(), "STAFF", by);
        }
        return Response.status(201).entity(done).build();
    }

    @POST
    @Path("/self")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "I'm here (self check-in)",
            description = "A booking of the caller's, today. 201; another's booking 404; 409 as for the staff.")
    public Response self(@PathParam("place") String place, @Valid @NotNull SelfRequest request) {
        var done = checkins.selfCheckIn(caller.requirePerson(), new BookingId(request.bookingId()));
        return Response.status(201).entity(done).build();
    }

    @POST
    @Path("/self/desk")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "I'm at my desk (self check-in of a dedicated desk's holder)",
            description = "The caller keeps a dedicated desk today (not released): checked in on it until the end of"
                    + " the day, no booking, no credits. 201; no desk kept today 409 checkin.no-desk-today; already"
                    + " here 409 checkin.already-here.")
    public Response selfAtOwnDesk(@PathParam("place") String place) {
        return Response.status(201)
                .entity(checkins.selfAtOwnDesk(caller.requirePerson()))
                .build();
    }

    @POST
    @Path("/walk-in")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Check in a member without a booking (walk-in)",
            description = "On a desk pool, until the end of the day, paid by one desk-day of the member's credits"
                    + " (carnet, day pass, plan); a member who keeps a dedicated desk today (not released) is"
                    + " checked in on that desk instead, free. 201; unknown member here 404 checkin.member-unknown; not a desk"
                    + " pool 422 checkin.walk-in-desk-pool-only; pool full now 409 checkin.walk-in-full; already"
                    + " here 409 checkin.already-here; no desk-day left 409 checkin.no-credit.")
    public Response walkIn(@PathParam("place") String place, @Valid @NotNull WalkInRequest request) {
        var done = checkins.walkIn(
                request.email(),
                new org.tierslieux.core.resource.ResourceId(request.resourceId()),
                caller.requirePerson());
        return Response.status(201).entity(done).build();
    }

    @GET
    @Path("/expected")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Today's expected arrivals", description = "Bookings of desks and rooms and guests of today.")
    public List<CheckinService.Arrival> expected(@PathParam("place") String place) {
        return checkins.expectedToday();
    }

    @GET
    @Path("/here")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Who is here now", description = "Checked in, their booking or guest day not over.")
    public List<CheckinService.Present> here(@PathParam("place") String place) {
        return checkins.here();
    }
}
