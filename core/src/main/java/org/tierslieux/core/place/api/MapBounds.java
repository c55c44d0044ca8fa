package org.tierslieux.core.place.api;

import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * A map's bounding box as GeoJSON writes it ({@code minLon,minLat,maxLon,maxLat}, WGS 84 degrees). A box may
 * cross the antimeridian (minLon greater than maxLon), as RFC 7946 allows; anything else absurd (not four
 * numbers, out of range, south above north) is refused with {@code map.bounds-invalid}.
 */
record MapBounds(double minLon, double minLat, double maxLon, double maxLat) {

    static MapBounds parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw refused(text);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw refused(text);
            }
            if (!Double.isFinite(v[i])) {
                throw refused(text);
            }
        }
        boolean lonOk = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180;
        boolean latOk = Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90 && v[1] <= v[3];
        if (!lonOk || !latOk) {
            throw refused(text);
        }
        return new MapBounds(v[0], v[1], v[2], v[3]);
    }

    boolean contains(double lon, double lat) {
        boolean inLat = lat >= minLat && lat <= maxLat;
        boolean inLon = minLon <= maxLon ? lon >= minLon && lon <= maxLon : lon >= minLon || lon <= maxLon;
        return inLat && inLon;
    }

    List<Double> asList() {
        return List.of(minLon, minLat, maxLon, maxLat);
    }

    private static DomainException refused(String text) {
        return DomainException.invalid("map.bounds-invalid", Map.of("bbox", text));
    }
}
