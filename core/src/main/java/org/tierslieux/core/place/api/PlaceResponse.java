package org.tierslieux.core.place.api;

import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.place.Place;
import org.tierslieux.core.place.PlaceKind;

/** A place as the network publishes it ({@code GET /api/v1/network/places}). */
public record PlaceResponse(
        UUID id,
        String slug,
        String name,
        String city,
        Set<PlaceKind> kinds,
        Double latitude,
        Double longitude,
        String url,
        String website,
        String timeZone,
        String currency,
        PlaceRequest.Legal legal,
        PlaceRequest.AddressBody address,
        long version) {

    static PlaceResponse of(Place p, String baseUrl) {
        var legal = p.legal();
        var address = p.address();
        return new PlaceResponse(
                p.id().value(),
                p.slug(),
                p.name(),
                address == null ? null : address.city(),
                p.kinds(),
                p.coordinates().latitude(),
                p.coordinates().longitude(),
                baseUrl + "/" + p.slug(),
                p.website(),
                p.zone().getId(),
                p.currency().getCurrencyCode(),
                legal == null
                        ? null
                        : new PlaceRequest.Legal(
                                legal.legalName(), legal.siret(), legal.vatNumber(), legal.vatExemptionMention()),
                address == null
                        ? null
                        : new PlaceRequest.AddressBody(
                                address.street(), address.postalCode(), address.city(), address.country()),
                p.version());
    }
}
