package org.tierslieux.core.booking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The same booking every week, at the same local time (so 9:00 stays 9:00 across a daylight-saving change).
 * All or nothing: one transaction, the first refusal undoes everything and every refused date is reported.
 * Skipping conflicts: each date in its own transaction, the refused ones listed with their reason.
 */
@ApplicationScoped
public class RecurringBookings {

    public static final int MAX_OCCURRENCES = 52;

    public enum Mode {
        ALL_OR_NOTHING,
        SKIP_CONFLICTS
    }

    public record Skip(LocalDate date, DomainException refusal) {}

    public record Result(UUID seriesId, List<Booking> booked, List<Skip> skipped) {}

    private final BookingService bookings;
    private final PlaceContext placeContext;

    RecurringBookings(BookingService bookings, PlaceContext placeContext) {
        this.bookings = bookings;
        this.placeContext = placeContext;
    }

    public Result bookWeekly(Booker booker, BookingService.Request first, Integer weeks, LocalDate until, Mode mode) {
        List<TimeRange> dates = occurrences(first.period(), weeks, until);
        UUID series = UUID.randomUUID();
        if (mode == Mode.SKIP_CONFLICTS) {
            List<Booking> booked = new ArrayList<>();
            List<Skip> skipped = new ArrayList<>();
            for (TimeRange period : dates) {
                try {
                    booked.add(QuarkusTransaction.requiringNew()
                            .call(() -> bookings.bookInSeries(booker, with(first, period), series)));
                } catch (DomainException refusal) {
                    skipped.add(new Skip(localDate(period), refusal));
                }
            }
            if (booked.isEmpty()) {
                // nothing booked is a refusal like any other, not a success with an empty list
                throw seriesConflict(skipped);
            }
            return new Result(series, booked, skipped);
        }
        List<Skip> refused = new ArrayList<>();
        List<Booking> booked = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (TimeRange period : dates) {
                    try {
                        booked.add(bookings.bookInSeries(booker, with(first, period), series));
                    } catch (DomainException refusal) {
                        refused.add(new Skip(localDate(period), refusal));
                        if (refusal.code().equals("booking.unavailable")) {
                            // the database refused: this transaction can take nothing more
                            break;
                        }
                    }
                }
                if (!refused.isEmpty()) {
                    throw new SeriesRefused();
                }
            });
        } catch (SeriesRefused e) {
            throw seriesConflict(refused);
        }
        return new Result(series, booked, List.of());
    }

    private static DomainException seriesConflict(List<Skip> refused) {
        return DomainException.conflict(
                "booking.series-conflict",
                Map.of(
                        "dates",
                        String.join(
                                ", ",
                                refused.stream().map(s -> s.date().toString()).toList()),
                        "first",
                        refused.get(0).refusal().code()));
    }

    /** Undoes the series' transaction; the refusals were collected meanwhile. */
    private static final class SeriesRefused extends RuntimeException {
        SeriesRefused() {
            super(null, null, false, false);
        }
    }

    private List<TimeRange> occurrences(TimeRange first, Integer weeks, LocalDate until) {
        if ((weeks == null) == (until == null)) {
            throw DomainException.invalid("booking.series-length", Map.of("max", MAX_OCCURRENCES));
        }
        ZoneId zone = placeContext.require().zone();
        ZonedDateTime start = first.start().atZone(zone);
        ZonedDateTime end = first.end().atZone(zone);
        List<TimeRange> dates = new ArrayList<>();
        for (int i = 0; ; i++) {
            ZonedDateTime s = start.plusWeeks(i);
            if (weeks != null ? i >= weeks : s.toLocalDate().isAfter(until)) {
                break;
            }
            if (dates.size() >= MAX_OCCURRENCES) {
                throw DomainException.invalid("booking.series-length", Map.of("max", MAX_OCCURRENCES));
            }
            dates.add(new TimeRange(s.toInstant(), end.plusWeeks(i).toInstant()));
        }
        if (dates.isEmpty()) {
            throw DomainException.invalid("booking.series-length", Map.of("max", MAX_OCCURRENCES));
        }
        return dates;
    }

    private LocalDate localDate(TimeRange period) {
        return period.start().atZone(placeContext.require().zone()).toLocalDate();
    }

    private static BookingService.Request with(BookingService.Request first, TimeRange period) {
        return new BookingService.Request(first.resource(), period, first.seats(), first.note());
    }
}
