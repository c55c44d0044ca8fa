package org.tierslieux.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private final Clock clock = new ClockProducer().clock();
    private final AsOf asOf = new AsOf();

    @Test
    void the_clock_reads_the_dated_instant_inside_the_work_and_the_system_time_after() {
        Instant then = Instant.parse("2026-03-10T08:00:00Z");
        Instant inside = asOf.call(then, clock::instant);
        assertThat(inside).isBetween(then, then.plusSeconds(5));
        assertThat(Duration.between(clock.instant(), Clock.systemUTC().instant())
                        .abs())
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void nested_work_is_dated_where_it_says_and_the_outer_date_comes_back() {
        Instant outer = Clock.systemUTC().instant().minus(Duration.ofDays(20));
        Instant inner = outer.minus(Duration.ofDays(3));
        asOf.run(outer, () -> {
            assertThat(asOf.call(inner, clock::instant)).isBetween(inner, inner.plusSeconds(5));
            assertThat(clock.instant()).isBetween(outer, outer.plusSeconds(5));
        });
    }

    @Test
    void another_thread_keeps_the_system_time() throws Exception {
        Instant then = Instant.parse("2026-03-10T08:00:00Z");
        Instant[] seen = new Instant[1];
        asOf.run(then, () -> {
            Thread other = new Thread(() -> seen[0] = clock.instant());
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Duration.between(seen[0], Clock.systemUTC().instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void work_cannot_be_dated_in_the_future() {
        assertThatThrownBy(() -> asOf.run(Clock.systemUTC().instant().plus(Duration.ofHours(1)), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_clock_keeps_microseconds_as_the_database_does() {
        Instant then = Instant.parse("2026-03-10T08:00:00.123456789Z");
        assertThat(asOf.call(then, clock::instant).getNano() % 1_000).isZero();
    }
}
