package org.tierslieux.core.booking.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.booking.CancelCause;

/** A booking as its member (or a manager) sees it; times in the place's zone. */
public record BookingResponse(
        UUID id,
        UUID resourceId,
        String resourceName,
        BookingStatus status,
        OffsetDateTime start,
        OffsetDateTime end,
        int seats,
        OffsetDateTime holdExpiresAt,
        UUID seriesId,
        String note,
        CancelCause cancelCause,
        String cancelReason,
        OffsetDateTime createdAt) {

    static BookingResponse of(Booking b, String resourceName, ZoneId zone) {
        return new BookingResponse(
                b.id().value(),
                b.resourceId().value(),
                resourceName,
                b.status(),
                Times.local(b.start(), zone),
                Times.local(b.end(), zone),
                b.seats(),
                Times.local(b.holdExpiresAt(), zone),
                b.seriesId().orElse(null),
                b.note(),
                b.cancelCause(),
                b.cancelReason(),
                Times.local(b.createdAt(), zone));
    }
}
