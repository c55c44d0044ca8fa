package org.tierslieux.core.credit.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.credit.PackPurchase;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/pack-purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and credits")
public class PackPurchasesResource {

    public record PurchaseRequest(@NotNull UUID packId) {}

    public record PurchaseResponse(
            UUID id,
            UUID packId,
            UUID personId,
            String status,
            UUID lotId,
            MoneyJson price,
            OffsetDateTime purchasedAt,
            OffsetDateTime expiresAt,
            QuoteView quote) {}

    private final PackService packs;
    private final PlaceContext placeContext;
    private final Caller caller;

    PackPurchasesResource(PackService packs, PlaceContext placeContext, Caller caller) {
        this.packs = packs;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Buy a pack or a day pass",
            description = "201 with the purchase and its quote; the credits are granted at once (CONFIRMED) unless"
                    + " billing asks for payment first (PENDING). 404 pack.not-found, 409 pack.archived.")
    public Response buy(@PathParam("place") String place, @Valid @NotNull PurchaseRequest request) {
        var bought = packs.buy(caller.requirePerson(), request.packId());
        return Response.created(URI.create("/api/v1/places/" + place + "/pack-purchases/"
                        + bought.purchase().id()))
                .entity(view(bought.purchase(), QuoteView.of(bought.quote())))
                .build();
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "My pack purchases here, newest first")
    public List<PurchaseResponse> mine(@PathParam("place") String place) {
        return packs.purchasesOf(caller.requirePerson()).stream()
                .map(p -> view(p, null))
                .toList();
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "The place's pack purchases (managers), newest first")
    public List<PurchaseResponse> all(@PathParam("place") String place) {
        return packs.purchases(0, 200).stream().map(p -> view(p, null)).toList();
    }

    private PurchaseResponse view(PackPurchase p, QuoteView quote) {
        var zone = placeContext.require().zone();
        return new PurchaseResponse(
                p.id(),
                p.packId(),
                p.person().value(),
                p.status(),
                p.lotId(),
                MoneyJson.of(p.price()),
                p.purchasedAt().atZone(zone).toOffsetDateTime(),
                p.expiresAt().atZone(zone).toOffsetDateTime(),
                quote);
    }
}
