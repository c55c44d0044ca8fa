package org.tierslieux.core.pricing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.membership.MemberGroup;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Price;
import org.tierslieux.core.pricing.PriceList;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.ResourceId;

/**
 * The place's price list: a price per resource or kind, unit, member group and plan, with its VAT rate and
 * validity. Amounts are entered VAT included or excluded as the place chose ({@code /prices/settings}).
 */
@Path("/api/v1/places/{place}/prices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Prices and quotes")
public class PricesResource {

    /**
     * A price: {@code kind} (a resource kind code) or {@code resourceId}, not both; {@code group} a group code
     * (null: every group); {@code planId} a plan (null: with or without a plan); {@code amount} above 0 and below
     * 100000; {@code vatRate} 20, 10, 5.5, 2.1 or EXEMPT; {@code validFrom} (default today) and {@code
     * validUntil} (included, null: open) are local days.
     */
    public record PriceRequest(
            @Size(max = 40) String kind,
            UUID resourceId,
            @NotNull Unit unit,
            @Size(max = 40) String group,
            UUID planId,
            @NotNull BigDecimal amount,
            @NotNull @Size(max = 10) String vatRate,
            LocalDate validFrom,
            LocalDate validUntil) {}

    public record PriceResponse(
            UUID id,
            String kind,
            UUID resourceId,
            Unit unit,
            String group,
            UUID planId,
            String amount,
            boolean includesVat,
            String vatRate,
            LocalDate validFrom,
            LocalDate validUntil) {}

    public record Settings(@NotNull Boolean pricesIncludeVat) {}

    private final PriceList prices;
    private final GroupService groups;

    PricesResource(PriceList prices, GroupService groups) {
        this.prices = prices;
        this.groups = groups;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The price list", description = "`validOn=YYYY-MM-DD`: only the prices valid that day.")
    public List<PriceResponse> list(@PathParam("place") String place, @QueryParam("validOn") LocalDate validOn) {
        Map<UUID, String> codes = codes();
        boolean incl = prices.pricesIncludeVat();
        return prices.prices(validOn).stream().map(p -> view(p, codes, incl)).toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Add a price",
            description = "201. 422 price.amount-invalid, price.vat-rate-unknown, price.scope-invalid,"
                    + " price.validity-invalid; 404 group.not-found, resource.not-found; 409 price.overlap when a"
                    + " price of the same scope, unit, group and plan is valid on an overlapping period.")
    public Response add(@PathParam("place") String place, @Valid @NotNull PriceRequest request) {
        Price price = prices.add(entry(request));
        return Response.created(URI.create("/api/v1/places/" + place + "/prices/" + price.id()))
                .entity(view(price, codes(), prices.pricesIncludeVat()))
                .build();
    }

    @GET
    @Path("/settings")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Whether the place's prices are entered VAT included (default true)")
    public Settings settings(@PathParam("place") String place) {
        return new Settings(prices.pricesIncludeVat());
    }

    @PUT
    @Path("/settings")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Choose whether prices are entered VAT included or excluded",
            description = "Amounts already entered are kept as they are: they are read the new way from now on.")
    public Settings setSettings(@PathParam("place") String place, @Valid @NotNull Settings request) {
        prices.pricesIncludeVat(request.pricesIncludeVat());
        return settings(place);
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    public PriceResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(prices.find(id), codes(), prices.pricesIncludeVat());
    }

    @PUT
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Change a price (quotes already stored keep the amounts they showed)")
    public PriceResponse change(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull PriceRequest request) {
        return view(prices.change(id, entry(request)), codes(), prices.pricesIncludeVat());
    }

    @DELETE
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Remove a price", description = "To stop a price at a date, set its `validUntil` instead.")
    public Response remove(@PathParam("place") String place, @PathParam("id") UUID id) {
        prices.remove(id);
        return Response.noContent().build();
    }

    private PriceList.Entry entry(PriceRequest r) {
        boolean hasKind = r.kind() != null && !r.kind().isBlank();
        if (hasKind == (r.resourceId() != null)) {
            throw DomainException.invalid("price.scope-invalid", Map.of());
        }
        Scope scope = hasKind ? Scope.ofKind(r.kind()) : Scope.ofResource(new ResourceId(r.resourceId()));
        var group = r.group() == null || r.group().isBlank()
                ? null
                : groups.find(r.group()).id();
        return new PriceList.Entry(
                scope, r.unit(), group, r.planId(), r.amount(), VatRate.of(r.vatRate()), r.validFrom(), r.validUntil());
    }

    private Map<UUID, String> codes() {
        return groups.groups().stream().collect(Collectors.toMap(g -> g.id().value(), MemberGroup::code));
    }

    private static PriceResponse view(Price p, Map<UUID, String> codes, boolean includesVat) {
        BigDecimal a = p.amount().stripTrailingZeros();
        if (a.scale() < 2) {
            a = a.setScale(2);
        }
        return new PriceResponse(
                p.id(),
                p.scope().kind(),
                p.scope().resource() == null ? null : p.scope().resource().value(),
                p.unit(),
                p.group() == null ? null : codes.get(p.group().value()),
                p.planId(),
                a.toPlainString(),
                includesVat,
                p.vat().code(),
                p.validFrom(),
                p.validUntil());
    }
}
