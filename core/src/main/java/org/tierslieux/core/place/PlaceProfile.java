package org.tierslieux.core.place;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import org.tierslieux.core.error.DomainException;

/** Everything about a place that a network admin edits, already checked. */
public record PlaceProfile(
        String name,
        ZoneId zone,
        Currency currency,
        LegalIdentity legal,
        Address address,
        GeoPoint coordinates,
        Set<PlaceKind> kinds,
        String website) {

    public PlaceProfile {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("place.name-missing", Map.of());
        }
        name = name.strip();
        if (kinds == null || kinds.isEmpty()) {
            throw DomainException.invalid("place.kinds-missing", Map.of());
        }
        kinds = Set.copyOf(kinds);
        if (address == null) {
            address = new Address(null, null, null, null);
        }
        if (coordinates == null) {
            coordinates = new GeoPoint(null, null);
        }
    }
}
