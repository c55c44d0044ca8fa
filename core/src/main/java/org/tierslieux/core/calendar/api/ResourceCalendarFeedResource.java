package org.tierslieux.core.calendar.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.calendar.CalendarFeeds;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;

/** A resource's calendar feed, for its managers: every booking of it, with who booked. */
@Path("/api/v1/places/{place}/resources/{id}/calendar-feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar feeds")
@Access.InPlace(Role.MANAGER)
public class ResourceCalendarFeedResource {

    private final CalendarFeeds feeds;
    private final Caller caller;

    ResourceCalendarFeedResource(CalendarFeeds feeds, Caller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Create my feed link for this resource; my previous one for it stops working",
            description = "The url is in this answer only. It works while I am a manager of the place.")
    public Response create(@PathParam("place") String place, @PathParam("id") UUID id) {
        return Response.status(Response.Status.CREATED)
                .entity(new FeedLink(feeds.createForResource(caller.requirePerson(), new ResourceId(id))))
                .build();
    }

    @DELETE
    @Operation(summary = "Revoke my feed link for this resource")
    public Response revoke(@PathParam("place") String place, @PathParam("id") UUID id) {
        feeds.revokeForResource(caller.requirePerson(), new ResourceId(id));
        return Response.noContent().build();
    }
}
