package org.tierslieux.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void ranges_that_only_touch_do_not_overlap() {
        TimeRange morning = new TimeRange(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T12:00:00Z"));
        TimeRange afternoon =
                new TimeRange(Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"));
        TimeRange lunch = new TimeRange(Instant.parse("2026-12-01T11:30:00Z"), Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(morning.overlaps(afternoon)).isFalse();
        assertThat(lunch.overlaps(morning)).isTrue();
        assertThat(lunch.overlaps(afternoon)).isTrue();
    }

    @Test
    void an_empty_or_backwards_range_is_refused() {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        assertThatThrownBy(() -> new TimeRange(t, t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(t, t.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void local_days_follow_daylight_saving_changes() {
        // 29 March 2026: Paris skips from 02:00 to 03:00, the day lasts 23 hours
        assertThat(TimeRange.ofDays(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), PARIS)
                        .duration())
                .isEqualTo(Duration.ofHours(23));
        // 25 October 2026: the clock goes back, the day lasts 25 hours
        assertThat(TimeRange.ofDays(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), PARIS)
                        .duration())
                .isEqualTo(Duration.ofHours(25));
        assertThat(TimeRange.ofDays(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7), PARIS)
                        .duration())
                .isEqualTo(Duration.ofDays(7));
    }
}
