package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/resources/{id}/opening-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule")
public class ResourceHoursResource extends ScheduleViews {

    private final ScheduleService schedules;
    private final ResourceService resources;
    private final PlaceContext placeContext;

    ResourceHoursResource(ScheduleService schedules, ResourceService resources, PlaceContext placeContext) {
        this.schedules = schedules;
        this.resources = resources;
        this.placeContext = placeContext;
    }

    @Override
    PlaceContext placeContext() {
        return placeContext;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    public Hours resourceHours(@PathParam("place") String place, @PathParam("id") UUID id) {
        ResourceId resource = resources.find(new ResourceId(id)).id();
        WeeklyHours own = schedules.ownHours(resource);
        return own == null ? hours(schedules.placeHours(), true) : hours(own, false);
    }

    @PUT
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Replace a resource's own hours", description = "An empty list: it follows the place's hours.")
    public Hours setResourceHours(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull Hours request) {
        ResourceId resource = resources.find(new ResourceId(id)).id();
        schedules.setResourceHours(resource, weekly(request));
        return resourceHours(place, id);
    }
}
