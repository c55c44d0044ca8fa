package org.tierslieux.core.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tierslieux.core.kernel.TimeRange;

/**
 * Dates and times as people read them in a mail: in the place's zone and the reader's language, e.g. "jeudi 3
 * décembre 2026, 14:00–16:00" or "Thursday 3 December 2026, 14:00–16:00".
 */
final class When {

    private When() {}

    static String range(TimeRange period, ZoneId zone, Locale locale) {
        ZonedDateTime start = period.start().atZone(zone);
        ZonedDateTime end = period.end().atZone(zone);
        DateTimeFormatter day = day(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate())
                // a range ending at midnight still reads as one day: "14:00–00:00"
                || (end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        && start.toLocalDate().plusDays(1).equals(end.toLocalDate()));
        if (sameDay) {
            return day.format(start) + ", " + time.format(start) + "–" + time.format(end);
        }
        return day.format(start) + ", " + time.format(start) + " – " + day.format(end) + ", " + time.format(end);
    }

    static String instant(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime at = instant.atZone(zone);
        return day(locale).format(at) + ", "
                + DateTimeFormatter.ofPattern("HH:mm", locale).format(at);
    }

    private static DateTimeFormatter day(Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", locale);
    }
}
