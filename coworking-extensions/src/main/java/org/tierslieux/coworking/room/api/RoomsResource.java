package org.tierslieux.coworking.room.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.api.QuoteResponse;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.coworking.room.Rooms;

/** Meeting rooms: capacity, equipment, the non-member supplement, and the caller's price before booking. */
@Path("/api/v1/places/{place}/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coworking: rooms")
public class RoomsResource {

    /** Money as the API writes it: the amount as a string, the currency's code. */
    public record Amount(String amount, String currency) {}

    public record RoomResponse(
            UUID id,
            String name,
            String description,
            int capacity,
            int slotMinutes,
            List<String> equipment,
            Amount nonMemberSupplementPerHour) {

        static RoomResponse of(Rooms.Room room) {
            return new RoomResponse(
                    room.resource().id().value(),
                    room.resource().name(),
                    room.resource().description(),
                    room.resource().capacity(),
                    room.resource().slotMinutes(),
                    room.equipment(),
                    room.nonMemberSupplement() == null
                            ? null
                            : new Amount(
                                    room.nonMemberSupplement()
                                            .amount()
                                            .setScale(2, java.math.RoundingMode.HALF_UP)
                                            .toPlainString(),
                                    room.nonMemberSupplement().currency().getCurrencyCode()));
        }
    }

    public record RoomSettingsRequest(List<String> equipment, BigDecimal nonMemberSupplementPerHour) {}

    private final Rooms rooms;
    private final QuoteService quotes;
    private final Caller caller;

    RoomsResource(Rooms rooms, QuoteService quotes, Caller caller) {
        this.rooms = rooms;
        this.quotes = quotes;
        this.caller = caller;
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "The place's meeting rooms", description = "Capacity, equipment, non-member supplement.")
    public List<RoomResponse> list(@PathParam("place") String place) {
        return rooms.all().stream().map(RoomResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Access.SignedIn
    @Operation(summary = "A meeting room", description = "404 room not found here; 422 room.not-a-room.")
    public RoomResponse one(@PathParam("place") String place, @PathParam("id") UUID id) {
        return RoomResponse.of(rooms.find(new ResourceId(id)));
    }

    @PUT
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Set a room's equipment and non-member supplement",
            description = "MANAGER. `equipment`: at most 20 items of 60 characters; `nonMemberSupplementPerHour`:"
                    + " an amount >= 0 with at most 2 decimals, entered as the price list is (null or 0: none)."
                    + " 422 room.equipment-invalid / room.supplement-invalid.")
    public RoomResponse configure(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull RoomSettingsRequest request) {
        return RoomResponse.of(
                rooms.configure(new ResourceId(id), request.equipment(), request.nonMemberSupplementPerHour()));
    }

    @GET
    @Path("/{id}/quote")
    @Access.SignedIn
    @Operation(
            summary = "What booking the room costs the caller",
            description = "`start`, `end` (ISO-8601 with offset). Members: the price list's rate; non-members: plus"
                    + " the room's supplement per hour, as a line of its own. Shown before confirming.")
    public QuoteResponse quote(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @QueryParam("start") String start,
            @QueryParam("end") String end) {
        Rooms.Room room = rooms.find(new ResourceId(id));
        TimeRange period = period(start, end);
        return QuoteResponse.of(
                null,
                quotes.forBooking(
                        caller.requirePerson(),
                        new BookingService.Request(room.resource().id(), period, 1, null),
                        period.start()));
    }

    private static TimeRange period(String start, String end) {
        if (start == null || end == null) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
        try {
            OffsetDateTime from = OffsetDateTime.parse(start.strip());
            OffsetDateTime to = OffsetDateTime.parse(end.strip());
            if (from.getYear() < 2000 || to.getYear() > 2200) {
                throw DomainException.invalid("booking.absurd-date", Map.of());
            }
            if (!to.isAfter(from)) {
                throw DomainException.invalid("booking.end-before-start", Map.of());
            }
            return new TimeRange(from.toInstant(), to.toInstant());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
    }
}
