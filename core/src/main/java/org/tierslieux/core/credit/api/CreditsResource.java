package org.tierslieux.core.credit.api;

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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.credit.CreditEntry;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.credit.CreditPreview;
import org.tierslieux.core.credit.Lot;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/credits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and credits")
public class CreditsResource {

    public record LotResponse(
            UUID lotId,
            String source,
            UUID sourceId,
            String label,
            ScopeJson scope,
            String unit,
            BigDecimal granted,
            BigDecimal left,
            OffsetDateTime validFrom,
            OffsetDateTime expiresAt,
            boolean usableNow) {}

    public record EntryResponse(
            UUID id,
            UUID lotId,
            String type,
            String source,
            String label,
            String unit,
            BigDecimal quantity,
            UUID bookingId,
            OffsetDateTime at,
            OffsetDateTime expiresAt,
            String note) {}

    /** The lots (with what is left) and a page of the history, newest first. */
    public record CreditsResponse(List<LotResponse> lots, Paged<EntryResponse> history) {}

    /** The credit side of an intended booking: what lots would pay, and what would be left to pay per unit. */
    public record PreviewResponse(
            java.util.Map<String, BigDecimal> usage,
            List<CoveredResponse> covered,
            BigDecimal coveredFraction,
            java.util.Map<String, BigDecimal> remaining) {}

    public record CoveredResponse(UUID lotId, String source, String label, String unit, BigDecimal quantity) {}

    public record AdjustmentRequest(
            @NotNull UUID lotId,
            @NotNull BigDecimal quantity,
            @Size(max = 500) String note) {}

    private final CreditLedger ledger;
    private final CreditPreview previews;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;

    CreditsResource(
            CreditLedger ledger, CreditPreview previews, PlaceContext placeContext, Caller caller, Clock clock) {
        this.ledger = ledger;
        this.previews = previews;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "My credits here: every lot with what is left, and the ledger's history",
            description = "A lot's `left` is the sum of its entries (grant, consumptions, refunds, expiry).")
    public CreditsResponse mine(
            @PathParam("place") String place,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return credits(caller.requirePerson(), page, size);
    }

    @GET
    @Path("/preview")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "What my credits would pay of a booking",
            description = "`resourceId`, `start`, `end` (ISO instants), `seats` (default 1). The lots that would pay,"
                    + " in the order they are spent (plan credits, then packs by earliest expiry), and what would be"
                    + " left to pay in each unit. Nothing is written.")
    public PreviewResponse preview(
            @PathParam("place") String place,
            @QueryParam("resourceId") UUID resourceId,
            @QueryParam("start") String start,
            @QueryParam("end") String end,
            @QueryParam("seats") @DefaultValue("1") @Min(1) @Max(10000) int seats) {
        if (resourceId == null) {
            throw DomainException.notFound("resource.not-found", java.util.Map.of("id", ""));
        }
        var preview = previews.of(caller.requirePerson(), new ResourceId(resourceId), period(start, end), seats);
        return new PreviewResponse(
                byName(preview.usage()),
                preview.covered().stream()
                        .map(c -> new CoveredResponse(
                                c.lotId(), c.source(), c.label(), c.unit().name(), c.quantity()))
                        .toList(),
                preview.coveredFraction().setScale(4, java.math.RoundingMode.HALF_UP),
                byName(preview.remaining()));
    }

    private static java.util.Map<String, BigDecimal> byName(org.tierslieux.core.pricing.Usage usage) {
        java.util.Map<String, BigDecimal> named = new java.util.LinkedHashMap<>();
        usage.quantities().forEach((u, q) -> named.put(u.name(), q));
        return named;
    }

    private static TimeRange period(String start, String end) {
        try {
            var from = OffsetDateTime.parse(start).toInstant();
            var to = OffsetDateTime.parse(end).toInstant();
            if (!to.isAfter(from)) {
                throw DomainException.invalid("booking.end-before-start", java.util.Map.of());
            }
            return new TimeRange(from, to);
        } catch (NullPointerException | java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("booking.period-missing", java.util.Map.of());
        }
    }

    @GET
    @Path("/people/{personId}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "A member's credits (managers)")
    public CreditsResponse ofPerson(
            @PathParam("place") String place,
            @PathParam("personId") UUID personId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return credits(new PersonId(personId), page, size);
    }

    @POST
    @Path("/adjustments")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Correct a lot (managers): add or take away credits",
            description = "404 credit.lot-not-found for an unknown lot or another place's; 409 credit.insufficient"
                    + " when it would go below zero.")
    public EntryResponse adjust(@PathParam("place") String place, @Valid @NotNull AdjustmentRequest request) {
        CreditEntry entry = ledger.adjust(request.lotId(), request.quantity(), request.note());
        return entry(entry, placeContext.require().zone());
    }

    private CreditsResponse credits(PersonId person, int page, int size) {
        ZoneId zone = placeContext.require().zone();
        var now = clock.instant();
        List<LotResponse> lots =
                ledger.lots(person).stream().map(l -> lot(l, zone, now)).toList();
        List<EntryResponse> history = ledger.history(person, page, size).stream()
                .map(e -> entry(e, zone))
                .toList();
        return new CreditsResponse(lots, new Paged<>(history, page, size, ledger.historySize(person)));
    }

    private static LotResponse lot(Lot l, ZoneId zone, java.time.Instant now) {
        return new LotResponse(
                l.lotId(),
                l.source().name(),
                l.sourceId(),
                l.label(),
                ScopeJson.of(l.scope()),
                l.unit().name(),
                l.granted(),
                l.left(),
                l.validFrom().atZone(zone).toOffsetDateTime(),
                l.expiresAt().atZone(zone).toOffsetDateTime(),
                l.left().signum() > 0 && now.isBefore(l.expiresAt()));
    }

    private static EntryResponse entry(CreditEntry e, ZoneId zone) {
        return new EntryResponse(
                e.id(),
                e.lotId(),
                e.type().name(),
                e.source().name(),
                e.label(),
                e.unit().name(),
                e.quantity(),
                e.bookingId(),
                e.at().atZone(zone).toOffsetDateTime(),
                e.expiresAt() == null ? null : e.expiresAt().atZone(zone).toOffsetDateTime(),
                e.note());
    }
}
