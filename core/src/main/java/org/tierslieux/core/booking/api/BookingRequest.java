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
        @Size(max = 500) String note) {

    /** The service's request: {@code seats} defaults to one, the period is checked. */
    org.tierslieux.core.booking.BookingService.Request toRequest() {
        return new org.tierslieux.core.booking.BookingService.Request(
                new org.tierslieux.core.resource.ResourceId(resourceId),
                Times.period(start, end),
                seats == null ? 1 : seats,
                note);
    }
}
