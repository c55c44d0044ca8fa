package org.tierslieux.core.booking.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;

/** Instants in and out of the API: read with any offset, written with the place's offset of the day. */
final class Times {

    private Times() {}

    static TimeRange period(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
        if (start.getYear() < 2000 || end.getYear() > 2200) {
            throw DomainException.invalid("booking.absurd-date", Map.of());
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalid("booking.end-before-start", Map.of());
        }
        return new TimeRange(start.toInstant(), end.toInstant());
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
