package org.tierslieux.core.booking.api;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The last local day of a range asked as {@code from} and optional {@code to} (a week by default), once
     * {@code from} is known to be a plausible date (a week after the last day a date can have is no date).
     */
    static LocalDate lastDay(LocalDate from, LocalDate to) {
        if (from == null) {
            throw DomainException.invalid("availability.range-missing", Map.of());
        }
        if (from.getYear() < 2000 || from.getYear() > 2200) {
            throw DomainException.invalid("availability.absurd-date", Map.of());
        }
        return to == null ? from.plusDays(6) : to;
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
