package org.tierslieux.core.pricing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.resource.ResourceId;

/**
 * Quotes: what a member would pay before they confirm (a preview, nothing is consumed nor stored), and the
 * quotes stored with what was bought, which billing charges.
 */
@Path("/api/v1/places/{place}/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Prices and quotes")
public class QuotesResource {

    /** The longest booking a quote is computed for. */
    static final Duration LONGEST = Duration.ofDays(366);

    /** An intended booking: {@code seats} defaults to 1. */
    public record BookingIntent(
            @NotNull UUID resourceId,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Min(1) @Max(10_000) Integer seats) {}

    /**
     * What to quote. {@code personId}: a manager may quote for a member of the place (default: the caller).
     */
    public record QuoteRequest(@NotNull @Valid BookingIntent booking, UUID personId) {}

    private final QuoteService quotes;
    private final QuoteStore store;
    private final Caller caller;
    private final PeopleService people;

    QuotesResource(QuoteService quotes, QuoteStore store, Caller caller, PeopleService people) {
        this.people = people;
        this.quotes = quotes;
        this.store = store;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Preview the quote of an intended booking",
            description = "What credits would cover and what would be charged, VAT per rate and totals, at the"
                    + " caller's prices (their group and plan). Nothing is booked, consumed or stored.")
    public QuoteResponse preview(@PathParam("place") String place, @Valid @NotNull QuoteRequest request) {
        PersonId person = caller.requirePerson();
        if (request.personId() != null && !request.personId().equals(person.value())) {
            if (!caller.has(Role.MANAGER)) {
                throw DomainException.forbidden("quote.not-yours");
            }
            person = new PersonId(request.personId());
            if (people.memberHere(person).isEmpty()) {
                throw DomainException.notFound("person.not-found", Map.of("id", person.toString()));
            }
        }
        BookingIntent b = request.booking();
        BookingService.Request intent = new BookingService.Request(
                new ResourceId(b.resourceId()), period(b.start(), b.end()), b.seats() == null ? 1 : b.seats(), null);
        // quoted as the booking itself will be: with the credits and plan valid when it starts
        Quote quote = quotes.forBooking(person, intent, intent.period().start());
        return QuoteResponse.of(null, quote);
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "A stored quote", description = "Members: their own. Managers and treasurers: any.")
    public QuoteResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        Quote quote = store.find(id)
                .orElseThrow(() -> DomainException.notFound("quote.not-found", Map.of("id", id.toString())));
        boolean staff = caller.has(Role.MANAGER) || caller.has(Role.TREASURER);
        if (!staff && !quote.billTo().person().equals(caller.requirePerson())) {
            throw DomainException.notFound("quote.not-found", Map.of("id", id.toString()));
        }
        return QuoteResponse.of(id, quote);
    }

    static TimeRange period(OffsetDateTime start, OffsetDateTime end) {
        if (start.getYear() < 2000 || end.getYear() > 2200) {
            throw DomainException.invalid("booking.absurd-date", Map.of());
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalid("booking.end-before-start", Map.of());
        }
        TimeRange period = new TimeRange(start.toInstant(), end.toInstant());
        if (period.duration().compareTo(LONGEST) > 0) {
            throw DomainException.invalid("quote.period-too-long", Map.of("days", LONGEST.toDays()));
        }
        return period;
    }
}
