package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.RecurringBookings;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
public class BookingsResource {

    /** A manager's reason, or a member's optional word. */
    public record CancelRequest(@Size(max = 500) String reason) {}

    public record MoveRequest(
            @NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {}

    /** A manager's view of a booking: who booked it too. */
    public record PlaceBookingResponse(BookingResponse booking, UUID personId, String personName) {}

    public record RecurringRequest(
            @NotNull UUID resourceId,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            Integer seats,
            @Min(1) @Max(RecurringBookings.MAX_OCCURRENCES) Integer weeks,
            LocalDate until,
            RecurringBookings.Mode mode,
            @Size(max = 500) String note) {}

    public record Skipped(LocalDate date, String code, String message) {}

    public record RecurringResponse(UUID seriesId, List<BookingResponse> booked, List<Skipped> skipped) {}

    private final BookingService bookings;
    private final RecurringBookings recurring;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final BookingViews views;

    BookingsResource(
            BookingService bookings,
            RecurringBookings recurring,
            ResourceService resources,
            PlaceContext placeContext,
            Caller caller,
            BookingViews views) {
        this.bookings = bookings;
        this.recurring = recurring;
        this.resources = resources;
        this.placeContext = placeContext;
        this.caller = caller;
        this.views = views;
    }

    @POST
    @Access.SignedIn
    @Operation(
            summary = "Book a resource",
            description = "201 with the booking; 409 booking.unavailable when taken or full; rules refuse with"
                    + " their own codes (409/422/403).")
    public Response book(@PathParam("place") String place, @Valid @NotNull BookingRequest request) {
        Booking booking = bookings.book(Booker.of(caller), request.toRequest());
        return Response.created(URI.create("/api/v1/places/" + place + "/bookings/" + booking.id()))
                .entity(views.of(booking))
                .build();
    }

    @POST
    @Path("/recurring")
    @Access.SignedIn
    @Operation(
            summary = "Book the same time every week",
            description = "For `weeks` weeks or until `until`. ALL_OR_NOTHING (default) books every date or none"
                    + " (409 booking.series-conflict lists the dates); SKIP_CONFLICTS books what it can and lists"
                    + " the skipped dates (409 booking.series-conflict when it could book none).")
    public Response bookWeekly(@PathParam("place") String place, @Valid @NotNull RecurringRequest request) {
        var result = recurring.bookWeekly(
                Booker.of(caller),
                new BookingService.Request(
                        new ResourceId(request.resourceId()),
                        Times.period(request.start(), request.end()),
                        request.seats() == null ? 1 : request.seats(),
                        request.note()),
                request.weeks(),
                request.until(),
                request.mode() == null ? RecurringBookings.Mode.ALL_OR_NOTHING : request.mode());
        var body = new RecurringResponse(
                result.seriesId(),
                result.booked().stream().map(views::of).toList(),
                result.skipped().stream()
                        .map(s -> new Skipped(s.date(), s.refusal().code(), views.message(s.refusal())))
                        .toList());
        return Response.status(201).entity(body).build();
    }

    @GET
    @Path("/mine")
    @Access.SignedIn
    @Operation(summary = "My bookings here", description = "`when=upcoming` (default, soonest first) or `past`.")
    public Paged<BookingResponse> mine(
            @PathParam("place") String place,
            @QueryParam("when") @DefaultValue("upcoming") String when,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        boolean upcoming = !"past".equalsIgnoreCase(when);
        PersonId me = caller.requirePerson();
        var items = bookings.ofPerson(me, upcoming, page, size).stream()
                .map(views::of)
                .toList();
        return new Paged<>(items, page, size, bookings.countOfPerson(me, upcoming));
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "The place's bookings over a range of days (managers)",
            description = "`from`, `to` (YYYY-MM-DD, local days of the place, at most 62), optional `resourceId`.")
    public List<PlaceBookingResponse> inPlace(
            @PathParam("place") String place,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("resourceId") UUID resourceId,
            @QueryParam("active") @DefaultValue("false") boolean active) {
        TimeRange range = views.days(from, to);
        List<Booking> found = resourceId == null
                ? bookings.inPlace(range, active)
                : bookings.ofResource(resources.find(new ResourceId(resourceId)).id(), range).stream()
                        .filter(b -> !active || b.status().takesTheSlot())
                        .toList();
        return views.withPeople(found);
    }

    @GET
    @Path("/{id}")
    @Access.SignedIn
    public BookingResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return views.of(bookings.findOwn(Booker.of(caller), new BookingId(id)));
    }

    @POST
    @Path("/{id}/cancel")
    @Access.SignedIn
    @Operation(
            summary = "Cancel a booking",
            description = "Members: their own, before the cancellation deadline. Managers: any, with a reason.")
    public BookingResponse cancel(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid
                    CancelRequest request) {
        return views.of(
                bookings.cancel(Booker.of(caller), new BookingId(id), request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/move")
    @Access.SignedIn
    @Operation(summary = "Move a booking to another time on the same resource, under the same rules")
    public BookingResponse move(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull MoveRequest request) {
        return views.of(
                bookings.move(Booker.of(caller), new BookingId(id), Times.period(request.start(), request.end())));
    }

    @POST
    @Path("/{id}/confirm")
    @Access.SignedIn
    @Operation(summary = "Confirm a held booking (a waitlist offer) before its hold expires")
    public BookingResponse confirm(@PathParam("place") String place, @PathParam("id") UUID id) {
        return views.of(bookings.confirm(Booker.of(caller), new BookingId(id)));
    }

    @POST
    @Path("/{id}/no-show")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Mark that the member did not come (after the start)")
    public BookingResponse noShow(@PathParam("place") String place, @PathParam("id") UUID id) {
        return views.of(bookings.markNoShow(new BookingId(id)));
    }
}
