package org.tierslieux.core.booking;

import java.util.Objects;
import java.util.UUID;

public record BookingId(UUID value) {
    public BookingId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
