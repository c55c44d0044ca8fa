package org.tierslieux.coworking.desk.api;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.api.QuoteResponse;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.desk.DeskAssignments;
import org.tierslieux.coworking.desk.DeskDays;

/** Desk pools by the half-day and the day: free seats per part of day, the price before booking, one-call booking. */
@Path("/api/v1/places/{place}/desks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coworking: desks")
public class DesksResource {

    public record PartJson(DeskDays.Part part, OffsetDateTime start, OffsetDateTime end, int free) {}

    public record DayJson(LocalDate date, List<PartJson> parts) {}

    public record PoolJson(UUID resourceId, String name, int capacity, List<DayJson> days) {}

    public record DaysResponse(LocalDate from, LocalDate to, List<PoolJson> pools) {}

    public record NamedDayJson(LocalDate date, DeskAssignments.Standing standing, List<PartJson> parts) {}

    public record NamedDeskJson(
            UUID resourceId, String name, boolean assigned, boolean yours, List<NamedDayJson> days) {}

    public record NamedResponse(LocalDate from, LocalDate to, List<NamedDeskJson> desks) {}

    public record DeskBookingRequest(
            @NotNull UUID resourceId, @NotNull LocalDate date, DeskDays.Part part) {
        DeskDays.Part partOrDay() {
            return part == null ? DeskDays.Part.DAY : part;
        }
    }

    public record DeskBookingResponse(
            UUID id,
            UUID resourceId,
            String status,
            DeskDays.Part part,
            OffsetDateTime start,
            OffsetDateTime end,
            QuoteResponse quote) {}

    private final DeskDays desks;
    private final DeskAssignments assignments;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;

    DesksResource(DeskDays desks, DeskAssignments assignments, PlaceContext placeContext, Caller caller, Clock clock) {
        this.desks = desks;
        this.assignments = assignments;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/days")
    @Access.SignedIn
    @Operation(
            summary = "Free desks per pool, per half-day and day",
            description = "Local days `from`..`to` (YYYY-MM-DD, both included, at most 31 days; `from` defaults to"
                    + " today, `to` to from + 6). Each pool lists, per day, the parts DAY, MORNING and AFTERNOON"
                    + " that its opening hours allow, with the desks free over the whole part (0 when full or past)."
                    + " 422 desk.range-invalid / desk.range-too-long.")
    public DaysResponse days(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        ZoneId zone = placeContext.require().zone();
        LocalDate first = from == null ? LocalDate.now(clock.withZone(zone)) : date(from);
        LocalDate last = to == null ? first.plusDays(6) : date(to);
        List<PoolJson> pools = desks.between(first, last).stream()
                .map(p -> new PoolJson(
                        p.resource().id().value(),
                        p.resource().name(),
                        p.resource().capacity(),
                        p.days().stream()
                                .map(d -> new DayJson(
                                        d.date(),
                                        d.slots().stream()
                                                .map(s -> new PartJson(
                                                        s.part(),
                                                        s.period()
                                                                .start()
                                                                .atZone(zone)
                                                                .toOffsetDateTime(),
                                                        s.period()
                                                                .end()
                                                                .atZone(zone)
                                                                .toOffsetDateTime(),
                                                        s.free()))
                                                .toList()))
                                .toList()))
                .toList();
        return new DaysResponse(first, last, pools);
    }

    @GET
    @Path("/named")
    @Access.SignedIn
    @Operation(
            summary = "Named (dedicated) desks per day, and what the caller may book",
            description = "Local days `from`..`to` (at most 31, defaults as for /days). Each desk of kind DESK gives,"
                    + " per day, its `standing`: FREE (nobody holds it: bookable), HELD (its holder's), RELEASED (its"
                    + " holder is away: bookable by others), YOURS (the caller holds it: no booking needed), with the"
                    + " parts DAY, MORNING, AFTERNOON and whether each is free (1) or taken (0). Holders' names are"
                    + " not shown. Book a FREE or RELEASED part with POST /desks/bookings.")
    public NamedResponse named(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        ZoneId zone = placeContext.require().zone();
        LocalDate first = from == null ? LocalDate.now(clock.withZone(zone)) : date(from);
        LocalDate last = to == null ? first.plusDays(6) : date(to);
        List<NamedDeskJson> named = assignments.named(caller.requirePerson(), first, last).stream()
                .map(n -> new NamedDeskJson(
                        n.desk().id().value(),
                        n.desk().name(),
                        n.assignment() != null,
                        n.yours(),
                        n.days().stream()
                                .map(d -> new NamedDayJson(
                                        d.date(),
                                        d.standing(),
                                        d.slots().stream()
                                                .map(s -> part(s, zone, d.bookable()))
                                                .toList()))
                                .toList()))
                .toList();
        return new NamedResponse(first, last, named);
    }

    private static PartJson part(DeskDays.Slot s, ZoneId zone, boolean bookable) {
        return new PartJson(
                s.part(),
                s.period().start().atZone(zone).toOffsetDateTime(),
                s.period().end().atZone(zone).toOffsetDateTime(),
                bookable ? s.free() : 0);
    }

    @GET
    @Path("/quote")
    @Access.SignedIn
    @Operation(
            summary = "What a desk-day (or half-day) would cost the caller",
            description = "Before booking: the quote with the credits that would cover it (a carnet or day pass"
                    + " day shows as a covered line, costing 0) and what would be charged.")
    public QuoteResponse quote(
            @PathParam("place") String place,
            @QueryParam("resourceId") UUID resourceId,
            @QueryParam("date") String date,
            @QueryParam("part") DeskDays.Part part) {
        if (resourceId == null || date == null) {
            throw DomainException.invalid("desk.request-incomplete", Map.of());
        }
        Quote quote = desks.quote(
                caller.requirePerson(),
                new ResourceId(resourceId),
                date(date),
                part == null ? DeskDays.Part.DAY : part);
        return QuoteResponse.of(null, quote);
    }

    /** A day of the query, YYYY-MM-DD; 422 desk.date-invalid otherwise. */
    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
    }

    @POST
    @Path("/bookings")
    @Access.SignedIn
    @Operation(
            summary = "Book a desk of a pool for a day or a half-day",
            description = "`{resourceId, date, part}` (part DAY by default, MORNING or AFTERNOON). 201 with the"
                    + " booking and what it cost (credits spent first: plan days, then carnets and day passes by"
                    + " earliest expiry). 409 booking.unavailable when the pool is full; 422 desk.part-closed when"
                    + " the pool is closed then; 422 desk.not-a-pool. A dedicated desk (kind DESK) is booked the same way:"
                    + " 409 desk.assigned on a day its holder did not release.")
    public Response book(@PathParam("place") String place, @Valid @NotNull DeskBookingRequest request) {
        ResourceId pool = new ResourceId(request.resourceId());
        DeskDays.Part part = request.partOrDay();
        Quote quote = desks.quote(caller.requirePerson(), pool, request.date(), part);
        Booking booking = desks.book(Booker.of(caller), pool, request.date(), part);
        // what the booking really cost: the credits shown before may have gone to another booking meanwhile
        quote = desks.takenQuote(booking).orElse(quote);
        ZoneId zone = placeContext.require().zone();
        return Response.created(URI.create("/api/v1/places/" + place + "/bookings/" + booking.id()))
                .entity(new DeskBookingResponse(
                        booking.id().value(),
                        booking.resourceId().value(),
                        booking.status().name(),
                        part,
                        booking.start().atZone(zone).toOffsetDateTime(),
                        booking.end().atZone(zone).toOffsetDateTime(),
                        QuoteResponse.of(null, quote)))
                .build();
    }
}
