package org.tierslieux.core.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.web.Paged;

/** Reads the filters of the API and the page the same way: a known place, dates or instants, a page. */
public final class AuditQueries {

    private AuditQueries() {}

    /**
     * {@code from} and {@code to} are instants with an offset or dates ({@code YYYY-MM-DD}, in UTC: the network
     * spans places in several zones); a date as {@code to} includes its whole day. An unknown place is a 404.
     */
    public static AuditLog.Query of(PlaceDirectory places, String place, String from, String to, int page, int size) {
        Optional<String> slug = Optional.ofNullable(place).filter(s -> !s.isBlank());
        slug.ifPresent(s ->
                places.bySlug(s).orElseThrow(() -> DomainException.notFound("place.not-found", Map.of("place", s))));
        if (page < 0 || size < 1 || size > Paged.MAX_SIZE) {
            throw DomainException.invalid("audit.bad-page", Map.of("max", Paged.MAX_SIZE));
        }
        Optional<Instant> start = instant("from", from, false);
        Optional<Instant> end = instant("to", to, true);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw DomainException.invalid("audit.bad-period", Map.of());
        }
        return new AuditLog.Query(slug, start, end, page, size);
    }

    private static Optional<Instant> instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return Optional.of(
                        (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("audit.bad-date", Map.of("field", field));
        }
    }
}
