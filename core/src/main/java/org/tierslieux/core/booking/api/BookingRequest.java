package org.tierslieux.core.booking.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's booking: {@code seats} defaults to 1; instants carry their offset. */
public record BookingRequest(
        @NotNull UUID resourceId,
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        Integer seats,
        @Size(max = 500) String note) {}
