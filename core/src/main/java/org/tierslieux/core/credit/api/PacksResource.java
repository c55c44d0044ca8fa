package org.tierslieux.core.credit.api;

import jakarta.validation.Valid;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.credit.Pack;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.credit.PackTerms;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/packs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and credits")
public class PacksResource {

    public record PackRequest(
            @Size(max = 120) String name,
            @Size(max = 1000) String description,
            ScopeJson scope,
            String unit,
            BigDecimal quantity,
            Integer validityDays,
            Integer validityMonths,
            MoneyJson price,
            String vatRate,
            Boolean dayPass) {}

    public record PackResponse(
            UUID id,
            String name,
            String description,
            ScopeJson scope,
            String unit,
            BigDecimal quantity,
            Integer validityDays,
            Integer validityMonths,
            MoneyJson price,
            String vatRate,
            boolean dayPass,
            String status) {

        public static PackResponse of(Pack p) {
            return new PackResponse(
                    p.id(),
                    p.name(),
                    p.description(),
                    ScopeJson.of(p.scope()),
                    p.unit().name(),
                    p.quantity(),
                    p.validityDays(),
                    p.validityMonths(),
                    MoneyJson.of(p.price()),
                    p.vat().code(),
                    p.dayPass(),
                    p.status());
        }
    }

    private final PackService packs;
    private final PlaceContext placeContext;
    private final Caller caller;

    PacksResource(PackService packs, PlaceContext placeContext, Caller caller) {
        this.packs = packs;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Packs and day passes on offer", description = "`all=true` (managers) adds archived ones.")
    public List<PackResponse> list(
            @PathParam("place") String place, @QueryParam("all") @DefaultValue("false") boolean all) {
        return packs.list(all && caller.has(Role.MANAGER)).stream()
                .map(PackResponse::of)
                .toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Offer a pack or a day pass (managers)",
            description = "422 for a missing scope or unit, a quantity off the unit's step, no or two validities, a"
                    + " negative or absurd price, an unknown VAT rate; 409 pack.name-taken.")
    public Response create(@PathParam("place") String place, @Valid @NotNull PackRequest r) {
        if (r.price() == null) {
            throw org.tierslieux.core.error.DomainException.invalid("price.amount-invalid", java.util.Map.of());
        }
        Pack pack = packs.create(new PackTerms(
                r.name(),
                r.description(),
                r.scope() == null ? null : r.scope().toScope(),
                ScopeJson.unit(r.unit()),
                r.quantity(),
                r.validityDays(),
                r.validityMonths(),
                r.price().toMoney(placeContext.require().currency()),
                VatRate.of(r.vatRate()),
                Boolean.TRUE.equals(r.dayPass())));
        return Response.created(URI.create("/api/v1/places/" + place + "/packs/" + pack.id()))
                .entity(PackResponse.of(pack))
                .build();
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    public PackResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return PackResponse.of(packs.find(id));
    }

    @GET
    @Path("/{id}/quote")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "What buying this pack would cost me now (nothing is bought)")
    public QuoteView quote(@PathParam("place") String place, @PathParam("id") UUID id) {
        return QuoteView.of(packs.quote(caller.requirePerson(), id));
    }

    @POST
    @Path("/{id}/archive")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Stop selling a pack (credits already bought stay valid)")
    public PackResponse archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        return PackResponse.of(packs.archive(id));
    }
}
