package org.tierslieux.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleFixtures;
import org.tierslieux.core.schedule.Window;

/** The arithmetic of free time, without a database. */
class AvailabilityTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate DAY = LocalDate.of(2027, 2, 9);
    private static final ResourceId RESOURCE = new ResourceId(UUID.randomUUID());

    private static Instant at(int hour, int minute) {
        return at(DAY, hour, minute);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), PARIS).toInstant();
    }

    private static TimeRange range(int fromHour, int toHour) {
        return new TimeRange(at(fromHour, 0), at(toHour, 0));
    }

    private static Window open(int fromHour, int toHour) {
        return new Window(range(fromHour, toHour), false);
    }

    private static Availability.Free free(int fromHour, int fromMinute, int toHour, int toMinute, int seats) {
        return new Availability.Free(at(fromHour, fromMinute), at(toHour, toMinute), seats);
    }

    private static Availability.Taken taken(int fromHour, int toHour, int seats) {
        return new Availability.Taken(range(fromHour, toHour), seats);
    }

    private static Closure closed(ClosureKind kind, int fromHour, int toHour) {
        return ScheduleFixtures.closure(RESOURCE, kind, range(fromHour, toHour), "travaux");
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("Not refused");
    }

    // ---- free ---------------------------------------------------------------------------------------------

    @Test
    void free_time_is_the_open_window_minus_closures_with_the_seats_left_merged_when_equal() {
        var result = Availability.free(
                List.of(open(9, 18)),
                List.of(closed(ClosureKind.CLOSURE, 12, 14)),
                List.of(taken(10, 11, 1), taken(15, 17, 3)),
                3,
                60,
                Instant.EPOCH);
        assertThat(result)
                .containsExactly(
                        free(9, 0, 10, 0, 3),
                        free(10, 0, 11, 0, 2),
                        free(11, 0, 12, 0, 3),
                        free(14, 0, 15, 0, 3),
                        free(17, 0, 18, 0, 3));
    }

    @Test
    void a_slot_partly_taken_is_not_free_for_what_is_taken_at_its_busiest() {
        // a booking from 10:30 (made on a finer grid before the manager changed it) takes the 10:00 hour
        var result = Availability.free(
                List.of(open(9, 12)),
                List.of(),
                List.of(new Availability.Taken(new TimeRange(at(10, 30), at(11, 0)), 1)),
                1,
                60,
                Instant.EPOCH);
        assertThat(result).containsExactly(free(9, 0, 10, 0, 1), free(11, 0, 12, 0, 1));
    }

    @Test
    void slots_already_begun_are_not_offered() {
        var result = Availability.free(List.of(open(9, 18)), List.of(), List.of(), 1, 30, at(11, 10));
        assertThat(result).containsExactly(free(11, 30, 18, 0, 1));
    }

    @Test
    void the_grid_counts_from_the_opening_and_the_last_slot_may_be_short() {
        assertThat(Availability.slots(open(9, 18), 240)).containsExactly(range(9, 13), range(13, 17), range(17, 18));
        var result =
                Availability.free(List.of(open(9, 18)), List.of(), List.of(taken(13, 17, 1)), 1, 240, Instant.EPOCH);
        assertThat(result).containsExactly(free(9, 0, 13, 0, 1), free(17, 0, 18, 0, 1));
    }

    @Test
    void a_session_is_one_slot_whatever_the_grid() {
        Window session = new Window(range(18, 20), true);
        assertThat(Availability.slots(session, 30)).containsExactly(range(18, 20));
        assertThat(Availability.free(List.of(session), List.of(), List.of(taken(18, 20, 5)), 12, 30, Instant.EPOCH))
                .containsExactly(free(18, 0, 20, 0, 7));
    }

    @Test
    void a_full_slot_disappears_and_windows_of_two_days_are_not_merged() {
        Window monday = open(9, 18);
        Window tuesday = new Window(new TimeRange(at(DAY.plusDays(1), 9, 0), at(DAY.plusDays(1), 18, 0)), false);
        var result =
                Availability.free(List.of(monday, tuesday), List.of(), List.of(taken(9, 18, 2)), 2, 60, Instant.EPOCH);
        assertThat(result)
                .containsExactly(new Availability.Free(
                        tuesday.range().start(), tuesday.range().end(), 2));
    }

    // ---- place --------------------------------------------------------------------------------------------

    @Test
    void a_booking_lies_inside_one_window_on_the_grid_or_ends_at_closing() {
        List<Window> windows = List.of(open(9, 12), open(14, 18));
        assertThat(Availability.place(windows, List.of(), range(10, 11), 30, false))
                .isEqualTo(windows.get(0));
        Availability.place(windows, List.of(), new TimeRange(at(15, 30), at(18, 0)), 90, false);
        // 9–13, 13–17, then 17–18 at closing with a 4-hour grid
        Availability.place(List.of(open(9, 18)), List.of(), range(13, 18), 240, false);

        assertThat(refusal(() -> Availability.place(windows, List.of(), range(11, 15), 30, false)))
                .isEqualTo("booking.outside-opening-hours");
        assertThat(refusal(() -> Availability.place(windows, List.of(), range(19, 20), 30, false)))
                .isEqualTo("booking.outside-opening-hours");
        assertThat(refusal(
                        () -> Availability.place(windows, List.of(), new TimeRange(at(9, 15), at(10, 0)), 30, false)))
                .isEqualTo("booking.misaligned");
        assertThat(refusal(
                        () -> Availability.place(windows, List.of(), new TimeRange(at(9, 0), at(10, 10)), 30, false)))
                .isEqualTo("booking.misaligned");
        assertThat(refusal(() -> Availability.place(List.of(open(9, 18)), List.of(), range(10, 14), 240, false)))
                .isEqualTo("booking.misaligned");
        // half a second off the grid is off the grid
        assertThat(refusal(() -> Availability.place(
                        windows, List.of(), new TimeRange(at(10, 0).plusMillis(500), at(11, 0)), 30, false)))
                .isEqualTo("booking.misaligned");
        assertThat(refusal(() -> Availability.place(
                        windows, List.of(), new TimeRange(at(10, 0), at(11, 0).plusNanos(1_000)), 30, false)))
                .isEqualTo("booking.misaligned");
    }

    @Test
    void a_session_is_booked_exactly_or_not_at_all() {
        List<Window> sessions = List.of(new Window(range(18, 20), true));
        Availability.place(sessions, List.of(), range(18, 20), 60, true);
        assertThat(refusal(() -> Availability.place(sessions, List.of(), range(18, 19), 60, true)))
                .isEqualTo("booking.no-session");
        assertThat(refusal(() -> Availability.place(sessions, List.of(), range(9, 10), 60, true)))
                .isEqualTo("booking.no-session");
    }

    @Test
    void a_closure_or_maintenance_refuses_the_bookings_it_meets_with_its_own_code() {
        List<Window> windows = List.of(open(9, 18));
        assertThat(refusal(() -> Availability.place(
                        windows, List.of(closed(ClosureKind.MAINTENANCE, 11, 12)), range(10, 12), 60, false)))
                .isEqualTo("booking.maintenance");
        assertThat(refusal(() -> Availability.place(
                        windows, List.of(closed(ClosureKind.CLOSURE, 11, 12)), range(11, 13), 60, false)))
                .isEqualTo("booking.closed");
        // touching is not meeting
        Availability.place(windows, List.of(closed(ClosureKind.CLOSURE, 11, 12)), range(12, 13), 60, false);
    }

    @Test
    void across_a_change_of_clocks_the_grid_counts_real_minutes_from_the_opening() {
        // 28 March 2027 in Paris: 02:00 becomes 03:00; a window from midnight to 06:00 lasts five hours
        LocalDate spring = LocalDate.of(2027, 3, 28);
        Instant midnight = at(spring, 0, 0);
        Instant six = at(spring, 6, 0);
        Window night = new Window(new TimeRange(midnight, six), false);
        assertThat(Availability.slots(night, 60)).hasSize(5);
        // 01:00 to 03:00 local is one hour on the grid
        TimeRange oneToThree = new TimeRange(at(spring, 1, 0), at(spring, 3, 0));
        assertThat(oneToThree.duration()).isEqualTo(Duration.ofHours(1));
        Availability.place(List.of(night), List.of(), oneToThree, 60, false);
        var result = Availability.free(
                List.of(night), List.of(), List.of(new Availability.Taken(oneToThree, 1)), 1, 60, Instant.EPOCH);
        assertThat(result)
                .containsExactly(
                        new Availability.Free(midnight, at(spring, 1, 0), 1),
                        new Availability.Free(at(spring, 3, 0), six, 1));
        // 31 October 2027: 03:00 becomes 02:00 again; the same window lasts seven hours
        LocalDate autumn = LocalDate.of(2027, 10, 31);
        Window longNight = new Window(new TimeRange(at(autumn, 0, 0), at(autumn, 6, 0)), false);
        assertThat(Availability.slots(longNight, 60)).hasSize(7);
    }

    // ---- peak seats ---------------------------------------------------------------------------------------

    @Test
    void the_peak_counts_only_bookings_that_overlap_at_the_same_instant() {
        TimeRange day = range(9, 18);
        assertThat(Availability.peakSeats(List.of(), day)).isZero();
        // touching bookings never count together: ranges are half-open
        assertThat(Availability.peakSeats(List.of(taken(9, 11, 2), taken(11, 13, 3)), day))
                .isEqualTo(3);
        assertThat(Availability.peakSeats(List.of(taken(9, 12, 2), taken(10, 11, 1), taken(11, 13, 3)), day))
                .isEqualTo(5);
        assertThat(Availability.peakSeats(List.of(taken(9, 18, 1), taken(10, 11, 1), taken(12, 13, 1)), day))
                .isEqualTo(2);
        // only what lies inside the range asked
        assertThat(Availability.peakSeats(List.of(taken(9, 12, 2), taken(10, 11, 1), taken(11, 13, 3)), range(12, 18)))
                .isEqualTo(3);
        assertThat(Availability.peakSeats(List.of(taken(9, 10, 4)), range(10, 11)))
                .isZero();
    }

    @Test
    void a_period_of_nothing_cannot_be_asked() {
        assertThatThrownBy(() -> new TimeRange(at(10, 0), at(10, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
