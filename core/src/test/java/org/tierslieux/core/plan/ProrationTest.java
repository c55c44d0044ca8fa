package org.tierslieux.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Unit;

class ProrationTest {

    @Test
    void the_worked_example_of_the_user_docs() {
        // subscribed on 12 November 2026 to a 90 € monthly plan with 10 desk-days: 19 days of 30 are left
        LocalDate start = PlanPeriod.MONTH.startOf(LocalDate.of(2026, 11, 12));
        Proration p = Proration.of(LocalDate.of(2026, 11, 12), start, PlanPeriod.MONTH.next(start));
        assertThat(p.daysLeft()).isEqualTo(19);
        assertThat(p.daysInPeriod()).isEqualTo(30);
        assertThat(p.price(Money.of("90", "EUR"))).isEqualTo(Money.of("57.00", "EUR"));
        assertThat(p.credits(Unit.DAY, new BigDecimal("10"))).isEqualByComparingTo("6"); // 6.33 down to 6
        assertThat(p.credits(Unit.HOUR, new BigDecimal("10"))).isEqualByComparingTo("6.25"); // 6.33 down to 6.25
    }

    @Test
    void periods_follow_the_calendar_including_a_leap_february() {
        assertThat(PlanPeriod.MONTH.startOf(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(PlanPeriod.MONTH.days(LocalDate.of(2028, 2, 1))).isEqualTo(29);
        assertThat(PlanPeriod.QUARTER.startOf(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(PlanPeriod.QUARTER.startOf(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(PlanPeriod.YEAR.days(LocalDate.of(2028, 1, 1))).isEqualTo(366);
        Proration leap = Proration.of(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 1), LocalDate.of(2028, 3, 1));
        assertThat(leap.daysLeft()).isEqualTo(1);
        assertThat(leap.price(Money.of("29", "EUR"))).isEqualTo(Money.of("1.00", "EUR"));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 3650)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    }

    @Property(tries = 500)
    void a_partial_period_never_gives_more_than_a_whole_one(
            @ForAll("days") LocalDate day,
            @ForAll PlanPeriod period,
            @ForAll Unit unit,
            @ForAll @IntRange(min = 1, max = 400) int steps,
            @ForAll @IntRange(min = 0, max = 9_999_999) int cents) {
        LocalDate start = period.startOf(day);
        assertThat(start).isBeforeOrEqualTo(day);
        assertThat(period.next(start)).isAfter(day);
        Proration p = Proration.of(day, start, period.next(start));
        BigDecimal full = unit.step().multiply(BigDecimal.valueOf(steps));
        BigDecimal credits = p.credits(unit, full);
        assertThat(credits).isBetween(BigDecimal.ZERO, full);
        assertThat(credits.remainder(unit.step())).isEqualByComparingTo("0");
        Money price = Money.of(BigDecimal.valueOf(cents, 2).toPlainString(), "EUR");
        Money prorated = p.price(price);
        assertThat(prorated.isNegative()).isFalse();
        assertThat(prorated.compareTo(price)).isLessThanOrEqualTo(0);
        if (day.equals(start)) {
            assertThat(prorated).isEqualTo(price);
            assertThat(credits).isEqualByComparingTo(full);
        }
    }
}
