package org.tierslieux.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.Scheduling;

/** Weekly hours and the windows they open, in the place's zone, across changes of clocks. */
class ScheduleTest {

    private static final ResourceId ROOM = new ResourceId(UUID.randomUUID());
    private static final ResourceId MACHINE = new ResourceId(UUID.randomUUID());

    private static WeeklyHours.Interval open(DayOfWeek day, int opens, int closes) {
        return new WeeklyHours.Interval(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0));
    }

    private static List<WeeklyHours.Interval> everyDay(int opens, int closes) {
        List<WeeklyHours.Interval> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(open(day, opens, closes));
        }
        return hours;
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("Not refused");
    }

    @Test
    void weekly_hours_refuse_intervals_that_overlap_touch_or_run_backwards() {
        assertThat(refusal(
                        () -> new WeeklyHours(List.of(open(DayOfWeek.MONDAY, 9, 13), open(DayOfWeek.MONDAY, 12, 18)))))
                .isEqualTo("hours.overlap");
        assertThat(refusal(
                        () -> new WeeklyHours(List.of(open(DayOfWeek.MONDAY, 9, 13), open(DayOfWeek.MONDAY, 13, 18)))))
                .isEqualTo("hours.overlap");
        assertThat(refusal(() -> open(DayOfWeek.MONDAY, 18, 9))).isEqualTo("hours.closes-before-opens");
        assertThat(refusal(() -> open(DayOfWeek.MONDAY, 9, 9))).isEqualTo("hours.closes-before-opens");
        assertThat(refusal(() -> new WeeklyHours.Interval(null, LocalTime.NOON, LocalTime.MAX)))
                .isEqualTo("hours.incomplete");
        // the same times on two days do not meet; the result is sorted by day then time
        var hours = new WeeklyHours(List.of(
                open(DayOfWeek.TUESDAY, 14, 18), open(DayOfWeek.MONDAY, 9, 13), open(DayOfWeek.TUESDAY, 9, 13)));
        assertThat(hours.intervals())
                .containsExactly(
                        open(DayOfWeek.MONDAY, 9, 13), open(DayOfWeek.TUESDAY, 9, 13), open(DayOfWeek.TUESDAY, 14, 18));
        assertThat(hours.on(DayOfWeek.WEDNESDAY)).isEmpty();
        assertThatThrownBy(() -> hours.intervals().add(open(DayOfWeek.FRIDAY, 9, 10)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_default_hours_are_monday_to_friday_nine_to_six() {
        assertThat(WeeklyHours.DEFAULT.intervals()).hasSize(5);
        assertThat(WeeklyHours.DEFAULT.on(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(WeeklyHours.DEFAULT.on(DayOfWeek.FRIDAY)).containsExactly(open(DayOfWeek.FRIDAY, 9, 18));
    }

    @Test
    void a_resource_with_hours_of_its_own_ignores_the_place_hours() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate monday = LocalDate.of(2027, 2, 8);
        TimeRange week = TimeRange.ofDays(monday, monday.plusDays(6), paris);
        Schedule schedule = ScheduleFixtures.schedule(
                paris,
                week,
                MACHINE,
                List.of(open(DayOfWeek.SATURDAY, 10, 16)),
                List.of(open(DayOfWeek.MONDAY, 8, 12)));
        assertThat(schedule.windows(ROOM, Scheduling.SLOTS))
                .extracting(w -> w.range().start())
                .containsExactly(monday.atTime(8, 0).atZone(paris).toInstant());
        assertThat(schedule.windows(MACHINE, Scheduling.SLOTS))
                .extracting(w -> w.range().start())
                .containsExactly(monday.plusDays(5).atTime(10, 0).atZone(paris).toInstant());
    }

    @Test
    void opening_hours_keep_their_local_time_when_the_clocks_change_in_chatham() {
        // 4 April 2027, 03:45: Chatham goes back to +12:45; 26 September 2027, 02:45: forward to +13:45
        ZoneId chatham = ZoneId.of("Pacific/Chatham");
        for (LocalDate change : List.of(LocalDate.of(2027, 4, 4), LocalDate.of(2027, 9, 26))) {
            TimeRange days = TimeRange.ofDays(change.minusDays(1), change.plusDays(1), chatham);
            Schedule schedule = ScheduleFixtures.schedule(chatham, days, ROOM, List.of(), everyDay(9, 18));
            List<Window> windows = schedule.windows(ROOM, Scheduling.SLOTS).stream()
                    .filter(w -> days.contains(w.range()))
                    .toList();
            assertThat(windows).hasSize(3);
            for (Window w : windows) {
                assertThat(w.range().start().atZone(chatham).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
                assertThat(w.range().duration()).isEqualTo(Duration.ofHours(9));
            }
            ZoneOffset before = windows.get(0).range().start().atZone(chatham).getOffset();
            ZoneOffset after = windows.get(2).range().start().atZone(chatham).getOffset();
            assertThat(before).isNotEqualTo(after);
            assertThat(Duration.between(
                            windows.get(0).range().start(),
                            windows.get(1).range().start()))
                    .isEqualTo(Duration.ofHours(24).plusSeconds(before.getTotalSeconds() - after.getTotalSeconds()));
        }
    }

    @Test
    void a_window_across_the_change_lasts_what_the_clock_says() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate spring = LocalDate.of(2027, 3, 28);
        TimeRange day = TimeRange.ofDays(spring, spring, paris);
        assertThat(day.duration()).isEqualTo(Duration.ofHours(23));
        Schedule schedule = ScheduleFixtures.schedule(paris, day, ROOM, List.of(), everyDay(0, 6));
        assertThat(schedule.windows(ROOM, Scheduling.SLOTS))
                .filteredOn(w -> day.contains(w.range()))
                .singleElement()
                .satisfies(w -> assertThat(w.range().duration()).isEqualTo(Duration.ofHours(5)));
    }
}
