package org.tierslieux.core.booking.web;

import io.quarkus.qute.TemplateData;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Stream;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.web.Forms;

/** A week of the place, Monday to Sunday, as pages take it from {@code ?week=} (any day of the week). */
@TemplateData
public record Week(LocalDate monday) {

    static Week of(String param, LocalDate today) {
        LocalDate day = Forms.dayOr(param, today);
        return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public List<LocalDate> days() {
        return Stream.iterate(monday, d -> d.plusDays(1)).limit(7).toList();
    }

    public LocalDate previous() {
        return monday.minusWeeks(1);
    }

    public LocalDate next() {
        return monday.plusWeeks(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }

    TimeRange range(ZoneId zone) {
        return TimeRange.ofDays(monday, sunday(), zone);
    }
}
