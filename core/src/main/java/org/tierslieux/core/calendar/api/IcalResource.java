package org.tierslieux.core.calendar.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.calendar.FeedCalendars;
import org.tierslieux.core.people.Access;

/** What calendar apps poll: the secret in the address is the only credential. */
@Path("/ical")
@Tag(name = "Calendar feeds")
@Access.Public
public class IcalResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final FeedCalendars calendars;

    IcalResource(FeedCalendars calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/{token}.ics")
    @Produces(TEXT_CALENDAR)
    @Operation(
            summary = "A calendar feed (iCalendar, RFC 5545)",
            description = "Unknown or revoked links answer 404. Bookings of the last 90 days and the next 365 days.")
    public Response feed(@PathParam("token") String token) {
        return Response.ok(calendars.render(token), TEXT_CALENDAR)
                // the address is a secret: no shared cache may keep the answer
                .header("Cache-Control", "private, max-age=300")
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}
