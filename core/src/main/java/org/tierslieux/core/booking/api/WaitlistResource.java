package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.WaitlistEntry;
import org.tierslieux.core.booking.WaitlistService;
import org.tierslieux.core.booking.WaitlistStatus;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting lists")
public class WaitlistResource {

    public record WaitlistResponse(
            UUID id,
            UUID resourceId,
            OffsetDateTime start,
            OffsetDateTime end,
            int seats,
            WaitlistStatus status,
            UUID offeredBookingId,
            OffsetDateTime offerExpiresAt) {}

    private final WaitlistService waitlist;
    private final PlaceContext placeContext;
    private final Caller caller;

    WaitlistResource(WaitlistService waitlist, PlaceContext placeContext, Caller caller) {
        this.waitlist = waitlist;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @POST
    @Access.SignedIn
    @Operation(
            summary = "Wait for a full slot",
            description = "Same body as a booking. When a place frees up, the first waiting member is offered a held"
                    + " booking by e-mail, to confirm before the offer expires (POST /bookings/{id}/confirm).")
    public Response join(@PathParam("place") String place, @Valid @NotNull BookingRequest request) {
        WaitlistEntry entry = waitlist.join(Booker.of(caller), request.toRequest());
        return Response.status(201).entity(view(entry)).build();
    }

    @GET
    @Path("/mine")
    @Access.SignedIn
    public List<WaitlistResponse> mine(@PathParam("place") String place) {
        return waitlist.mine(caller.requirePerson()).stream().map(this::view).toList();
    }

    @POST
    @Path("/{id}/withdraw")
    @Access.SignedIn
    public WaitlistResponse withdraw(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(waitlist.withdraw(Booker.of(caller), id));
    }

    private WaitlistResponse view(WaitlistEntry e) {
        ZoneId zone = placeContext.require().zone();
        return new WaitlistResponse(
                e.id(),
                e.resourceId().value(),
                Times.local(e.period().start(), zone),
                Times.local(e.period().end(), zone),
                e.seats(),
                e.status(),
                e.offeredBookingId(),
                Times.local(e.offerExpiresAt(), zone));
    }
}
