package org.tierslieux.coworking.observatory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * The days the observatory looks at, both included, and how it cuts them. Without dates: the last twelve weeks
 * or months up to today. At most {@value #MAX_DAYS} days, so that one request cannot ask for centuries.
 */
public record ObservatoryPeriod(LocalDate from, LocalDate to, Granularity granularity) {

    public static final int MAX_DAYS = 3 * 366;

    /** One week or month of the period, clipped to it: {@code start} and {@code end} are both included. */
    public record Bucket(String label, LocalDate start, LocalDate end) {}

    public ObservatoryPeriod {
        if (from.isAfter(to)) {
            throw DomainException.invalid("observatory.period-reversed", Map.of("from", from, "to", to));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw DomainException.invalid("observatory.period-too-long", Map.of("max", MAX_DAYS));
        }
    }

    /** The period of a request's {@code from}, {@code to} and {@code granularity}, each optional. */
    public static ObservatoryPeriod parse(String from, String to, String granularity, LocalDate today) {
        Granularity cut = Granularity.parse(granularity);
        LocalDate last = to == null || to.isBlank() ? today : date(to);
        LocalDate first = from == null || from.isBlank()
                ? cut.startOf(cut == Granularity.WEEK ? last.minusWeeks(11) : last.minusMonths(11))
                : date(from);
        return new ObservatoryPeriod(first, last, cut);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("observatory.date-invalid", Map.of("value", text));
        }
    }

    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = granularity.startOf(from); !start.isAfter(to); start = granularity.next(start)) {
            LocalDate end = granularity.next(start).minusDays(1);
            buckets.add(new Bucket(
                    granularity.label(start), start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
        }
        return buckets;
    }
}
