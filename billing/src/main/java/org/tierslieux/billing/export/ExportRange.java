package org.tierslieux.billing.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * The days an export covers, both included, as a treasurer typed them. Absurd requests are refused before any
 * byte is written (once a file has started, no problem can be sent any more): a missing or malformed date, an
 * end before the start, a date before 2000 or after next year, a range over ten years (all 422).
 */
public record ExportRange(LocalDate from, LocalDate to) {

    static final int FIRST_YEAR = 2000;
    static final int MAX_YEARS = 10;

    /** Reads {@code from} and {@code to} ({@code YYYY-MM-DD}) and checks them against today in the place. */
    public static ExportRange of(String from, String to, LocalDate today) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw DomainException.invalid("export.range-reversed", Map.of("from", start, "to", end));
        }
        plausible(start, today);
        plausible(end, today);
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw DomainException.invalid("export.range-too-long", Map.of("years", MAX_YEARS));
        }
        return new ExportRange(start, end);
    }

    /** A fiscal year, January 1st to December 31st ({@code year} as typed: four digits). */
    public static ExportRange year(String year, LocalDate today) {
        if (year == null || !year.strip().matches("[0-9]{4}")) {
            throw DomainException.invalid("export.year-invalid", Map.of("year", String.valueOf(year)));
        }
        int y = Integer.parseInt(year.strip());
        if (y < FIRST_YEAR || y > today.getYear() + 1) {
            throw DomainException.invalid("export.year-absurd", Map.of("year", y));
        }
        return new ExportRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("export.range-missing", Map.of("field", field));
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("export.date-invalid", Map.of("field", field, "value", value.strip()));
        }
    }

    private static void plausible(LocalDate day, LocalDate today) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > today.getYear() + 1) {
            throw DomainException.invalid("export.date-absurd", Map.of("date", day));
        }
    }
}
