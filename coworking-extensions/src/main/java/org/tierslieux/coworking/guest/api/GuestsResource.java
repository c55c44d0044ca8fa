package org.tierslieux.coworking.guest.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.coworking.guest.Guest;
import org.tierslieux.coworking.guest.GuestService;

/** A member's guests: invite one for a day, list them, cancel one; the staff lists a day's guests. */
@Path("/api/v1/places/{place}/guests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Guests")
public class GuestsResource {

    public record InviteRequest(
            @NotNull String name,
            @NotNull String email,
            @NotNull LocalDate day) {}

    private final GuestService guests;
    private final Caller caller;

    GuestsResource(GuestService guests, Caller caller) {
        this.guests = guests;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Invite a guest for a day",
            description = "201 with the guest; the guest gets a QR pass by e-mail. The same e-mail the same day"
                    + " again: 409 guest.already-invited. HOST_CREDITS policy without a desk-day left: 409"
                    + " guest.no-credit. BILL_HOST: an order to the host's name (`orderId`). 422 guest.name-invalid,"
                    + " guest.email-invalid, guest.day-invalid (past, or more than a year ahead).")
    public Response invite(@PathParam("place") String place, @Valid @NotNull InviteRequest request) {
        Guest guest = guests.invite(caller.requirePerson(), request.name(), request.email(), request.day());
        return Response.created(URI.create("/api/v1/places/" + place + "/guests/" + guest.id()))
                .entity(guest)
                .build();
    }

    @POST
    @Path("/{id}/cancel")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Cancel one of my guest invitations",
            description = "The guest's pass stops working and they get a short e-mail. HOST_CREDITS: the desk-day"
                    + " comes back to the host's credits. BILL_HOST: the order is cancelled if unpaid, refunded with a"
                    + " credit note if paid (as a cancelled booking's: an issued invoice is never changed). 404"
                    + " guest.not-found (not yours), 409 guest.cancelled (already), guest.arrived (checked in),"
                    + " guest.past (a past day).")
    public Guest cancel(@PathParam("place") String place, @PathParam("id") UUID id) {
        return guests.cancel(caller.requirePerson(), id);
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "My guests here", description = "Latest day first.")
    public List<Guest> mine(@PathParam("place") String place) {
        return guests.ofHost(caller.requirePerson());
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "The guests of a day (staff)", description = "`day` YYYY-MM-DD, default today.")
    public List<Guest> ofDay(@PathParam("place") String place, @QueryParam("day") LocalDate day) {
        return guests.ofDay(day == null ? guests.today() : day);
    }
}
