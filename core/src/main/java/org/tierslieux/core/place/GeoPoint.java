package org.tierslieux.core.place;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/** WGS 84 coordinates, as the public map and GeoJSON use them. */
@io.quarkus.qute.TemplateData
@Embeddable
public record GeoPoint(
        @Column(name = "latitude") Double latitude,
        @Column(name = "longitude") Double longitude) {
    public GeoPoint {
        if ((latitude == null) != (longitude == null)) {
            throw DomainException.invalid("place.coordinates-incomplete", Map.of());
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw DomainException.invalid(
                    "place.coordinates-invalid", Map.of("latitude", latitude, "longitude", longitude));
        }
    }

    public boolean isKnown() {
        return latitude != null;
    }
}
