package org.tierslieux.core.place.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.GeoPoint;
import org.tierslieux.core.place.LegalIdentity;
import org.tierslieux.core.place.PlaceProfile;

/** Turns a request into a checked {@link PlaceProfile}; shared by the API and the pages. */
public final class PlaceProfiles {

    public static final String DEFAULT_ZONE = "Europe/Paris";
    public static final String DEFAULT_CURRENCY = "EUR";

    private PlaceProfiles() {}

    public static PlaceProfile from(PlaceRequest r) {
        if (r.legal() == null) {
            throw DomainException.invalid("place.legal-name-missing", Map.of());
        }
        var address = r.address() == null ? new PlaceRequest.AddressBody(null, null, null, null) : r.address();
        return new PlaceProfile(
                r.name(),
                zone(r.timeZone()),
                currency(r.currency()),
                new LegalIdentity(
                        r.legal().legalName(),
                        r.legal().siret(),
                        r.legal().vatNumber(),
                        r.legal().vatExemptionMention()),
                new Address(
                        address.street(),
                        address.postalCode(),
                        address.city(),
                        address.country() == null ? "FR" : address.country()),
                new GeoPoint(r.latitude(), r.longitude()),
                r.kinds(),
                r.website());
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null || id.isBlank() ? DEFAULT_ZONE : id.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("place.time-zone-unknown", Map.of("timeZone", id));
        }
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code == null || code.isBlank() ? DEFAULT_CURRENCY : code.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("place.currency-unknown", Map.of("currency", code));
        }
    }
}
