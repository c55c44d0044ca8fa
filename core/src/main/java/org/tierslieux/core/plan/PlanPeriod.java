package org.tierslieux.core.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A plan's billing period, aligned on the calendar of the place: the 1st of a month, of a quarter, 1 January. */
public enum PlanPeriod {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    PlanPeriod(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The first day of the period that contains {@code day}. */
    public LocalDate startOf(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** The first day of the next period, for a period starting {@code start}. */
    public LocalDate next(LocalDate start) {
        return start.plusMonths(months);
    }

    /** The days of the period starting {@code start}: 28 to 366. */
    public long days(LocalDate start) {
        return ChronoUnit.DAYS.between(start, next(start));
    }
}
