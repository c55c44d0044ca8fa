package org.tierslieux.core.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A half-open interval of time {@code [start, end)}, as PostgreSQL's {@code tstzrange} stores it: two ranges
 * that only touch (one ends when the next starts) do not overlap.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A time range must end after it starts: " + start + " / " + end);
        }
    }

    /** The whole local days {@code [from, to]} (both included) in the given zone, DST included. */
    public static TimeRange ofDays(LocalDate from, LocalDate toInclusive, ZoneId zone) {
        return new TimeRange(
                from.atStartOfDay(zone).toInstant(),
                toInclusive.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
