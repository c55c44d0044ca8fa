package org.tierslieux.core.place;

import java.util.Objects;
import java.util.UUID;

/** The identity of a place; also the tenant identifier of every row the place owns. */
public record PlaceId(UUID value) {
    public PlaceId {
        Objects.requireNonNull(value, "value");
    }

    public static PlaceId of(String value) {
        return new PlaceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
