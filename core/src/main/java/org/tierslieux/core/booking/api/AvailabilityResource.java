package org.tierslieux.core.booking.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.Availability;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class AvailabilityResource {

    public record FreeInterval(OffsetDateTime start, OffsetDateTime end, int free) {}

    public record ResourceAvailability(
            UUID resourceId, String name, String kind, int capacity, int slotMinutes, List<FreeInterval> intervals) {}

    public record PlaceAvailability(
            LocalDate from, LocalDate to, String timeZone, List<ResourceAvailability> resources) {}

    private final AvailabilityService availability;
    private final PlaceContext placeContext;

    AvailabilityResource(AvailabilityService availability, PlaceContext placeContext) {
        this.availability = availability;
        this.placeContext = placeContext;
    }

    @GET
    @Access.SignedIn
    @Operation(
            summary = "Free intervals of every resource of the place",
            description = "A week by default (`from`, `to` defaults to from + 6).")
    public PlaceAvailability ofPlace(
            @PathParam("place") String place, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate last = Times.lastDay(from, to);
        var all = availability.ofPlace(from, last).stream()
                .map(r -> new ResourceAvailability(
                        r.resource().id().value(),
                        r.resource().name(),
                        r.resource().kind(),
                        r.resource().capacity(),
                        r.resource().slotMinutes(),
                        intervals(placeContext, r.free())))
                .toList();
        return new PlaceAvailability(from, last, placeContext.require().zone().getId(), all);
    }

    static List<FreeInterval> intervals(PlaceContext placeContext, List<Availability.Free> free) {
        ZoneId zone = placeContext.require().zone();
        return free.stream()
                .map(f -> new FreeInterval(Times.local(f.start(), zone), Times.local(f.end(), zone), f.free()))
                .toList();
    }
}
