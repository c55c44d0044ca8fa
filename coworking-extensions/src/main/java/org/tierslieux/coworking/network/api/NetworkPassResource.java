package org.tierslieux.coworking.network.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.coworking.network.PassBookings;
import org.tierslieux.coworking.network.PassView;

@Path("/api/v1/network/pass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network pass")
public class NetworkPassResource {

    public record PassBookingRequest(
            @NotNull String place, @NotNull LocalDate day, PassBookings.Part part, UUID resourceId) {}

    public record PassBookingResponse(
            UUID id,
            String place,
            UUID resourceId,
            String resource,
            Instant start,
            Instant end,
            String status,
            BigDecimal allowanceLeft) {}

    private final PassView view;
    private final PassBookings bookings;
    private final Caller caller;
    private final Clock clock;

    NetworkPassResource(PassView view, PassBookings bookings, Caller caller, Clock clock) {
        this.view = view;
        this.bookings = bookings;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Access.SignedIn
    @Operation(
            summary = "My network pass",
            description = "Home place (where I hold an ACTIVE plan, taking part; null when none), the month's"
                    + " allowance in desk-days, used and left, the other places taking part with their desks,"
                    + " my visits. `month` YYYY-MM, this month by default.")
    public PassView.Pass get(@QueryParam("month") String month) {
        return view.of(caller.requirePerson(), month == null ? null : NetworkMonth.parse(month, clock));
    }

    @POST
    @Path("/bookings")
    @Access.SignedIn
    @Operation(
            summary = "Book a desk-day at another place with my pass",
            description = "`place` (slug), `day`, `part` DAY (default), MORNING or AFTERNOON, optional `resourceId`"
                    + " (a desk or desk pool; the first desk pool otherwise). Free for me: my home place pays the"
                    + " host through the monthly settlement. 403 network.place-not-participating,"
                    + " 403 network.no-active-plan, 409 network.allowance-exceeded, 409 network.member-here, and"
                    + " the host's booking rules (409 booking.unavailable...).")
    public Response book(@Valid @NotNull PassBookingRequest request) {
        var me = caller.requirePerson();
        PassBookings.Booked booked =
                bookings.book(me, request.place(), request.day(), request.part(), request.resourceId());
        var pass = view.of(me, java.time.YearMonth.from(request.day()));
        var b = booked.booking();
        return Response.created(URI.create("/api/v1/places/" + booked.host().slug() + "/bookings/" + b.id()))
                .entity(new PassBookingResponse(
                        b.id().value(),
                        booked.host().slug(),
                        b.resourceId().value(),
                        booked.resource(),
                        b.period().start(),
                        b.period().end(),
                        b.status().name(),
                        pass.left()))
                .build();
    }
}
