package org.tierslieux.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * Opening hours over a week: for each day, intervals in local time that neither overlap nor touch (two
 * touching intervals are one). Empty means closed every day.
 */
public record WeeklyHours(List<Interval> intervals) {

    /** Open on {@code day} from {@code opens} to {@code closes} (local time of the place, same day). */
    public record Interval(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public Interval {
            if (day == null || opens == null || closes == null) {
                throw DomainException.invalid("hours.incomplete", Map.of());
            }
            if (!closes.isAfter(opens)) {
                throw DomainException.invalid(
                        "hours.closes-before-opens", Map.of("day", day, "opens", opens, "closes", closes));
            }
        }
    }

    /** What a place without hours of its own gets: Monday to Friday, 9:00 to 18:00. */
    public static final WeeklyHours DEFAULT = new WeeklyHours(List.of(
            new Interval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new Interval(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new Interval(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new Interval(DayOfWeek.THURSDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new Interval(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))));

    public WeeklyHours {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::day).thenComparing(Interval::opens));
        for (int i = 1; i < sorted.size(); i++) {
            Interval before = sorted.get(i - 1);
            Interval after = sorted.get(i);
            if (before.day() == after.day() && !after.opens().isAfter(before.closes())) {
                throw DomainException.invalid(
                        "hours.overlap", Map.of("day", after.day(), "opens", after.opens(), "closes", before.closes()));
            }
        }
        intervals = List.copyOf(sorted);
    }

    public List<Interval> on(DayOfWeek day) {
        return intervals.stream().filter(i -> i.day() == day).toList();
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }
}
