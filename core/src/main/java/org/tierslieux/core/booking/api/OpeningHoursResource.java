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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/opening-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule")
public class OpeningHoursResource extends ScheduleViews {

    private final ScheduleService schedules;
    private final PlaceContext placeContext;

    OpeningHoursResource(ScheduleService schedules, PlaceContext placeContext) {
        this.schedules = schedules;
        this.placeContext = placeContext;
    }

    @Override
    PlaceContext placeContext() {
        return placeContext;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The place's weekly opening hours (local time)")
    public Hours placeHours(@PathParam("place") String place) {
        return hours(schedules.placeHours(), schedules.placeHoursAreDefault());
    }

    @PUT
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Replace the place's weekly opening hours",
            description = "An empty list restores the default (Mon–Fri 9:00–18:00).")
    public Hours setPlaceHours(@PathParam("place") String place, @Valid @NotNull Hours request) {
        schedules.setPlaceHours(weekly(request));
        return placeHours(place);
    }
}
