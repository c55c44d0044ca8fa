package org.tierslieux.core.calendar.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.calendar.CalendarFeeds;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;

/** A member's private calendar feed: all their bookings, in all their places. */
@Path("/api/v1/me/calendar-feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar feeds")
@Access.SignedIn
public class MyCalendarFeedResource {

    private final CalendarFeeds feeds;
    private final Caller caller;

    MyCalendarFeedResource(CalendarFeeds feeds, Caller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Create my calendar feed link; the previous one stops working",
            description = "The url is in this answer only: subscribe to it in a calendar app. It shows my bookings"
                    + " of the last 90 days and the next 365 days, in every place.")
    public Response create() {
        return Response.status(Response.Status.CREATED)
                .entity(new FeedLink(feeds.createForMember(caller.requirePerson())))
                .build();
    }

    @DELETE
    @Operation(summary = "Revoke my calendar feed link: it stops working at once")
    public Response revoke() {
        feeds.revokeForMember(caller.requirePerson());
        return Response.noContent().build();
    }
}
