package org.tierslieux.coworking.checkin.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.coworking.checkin.CheckinService;
import org.tierslieux.coworking.checkin.QrCodes;

/** A member's pass for one of their bookings (a door app or a wallet pass shows it). */
@Path("/api/v1/places/{place}/passes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-in")
public class PassesResource {

    public record PassResponse(UUID bookingId, String code, String url, String svg) {}

    private final CheckinService checkins;
    private final Caller caller;

    PassesResource(CheckinService checkins, Caller caller) {
        this.checkins = checkins;
        this.caller = caller;
    }

    @POST
    @Path("/bookings/{id}")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "The pass for my booking",
            description = "The secret code, the URL its QR code holds and the QR code as SVG. The code is the same"
                    + " each time it is asked for (a printed or saved pass stays valid). Another's booking 404; not"
                    + " confirmed 409.")
    public PassResponse pass(@PathParam("place") String place, @PathParam("id") UUID id) {
        String code = checkins.passForBooking(caller.requirePerson(), new BookingId(id));
        String url = checkins.scanUrl(code);
        return new PassResponse(id, code, url, QrCodes.svg(url));
    }
}
