package org.tierslieux.coworking.observatory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/** How the observatory cuts a period: ISO weeks (Monday to Sunday) or calendar months. */
public enum Granularity {
    WEEK,
    MONTH;

    /** {@code week} or {@code month}, in any case; none means months. */
    public static Granularity parse(String text) {
        if (text == null || text.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("observatory.granularity-invalid", Map.of("granularity", text));
        }
    }

    /** The first day of the week or month holding {@code day}. */
    LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** "2026-W48" or "2026-11". */
    String label(LocalDate start) {
        return this == WEEK
                ? String.format(
                        Locale.ROOT,
                        "%d-W%02d",
                        start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
    }
}
