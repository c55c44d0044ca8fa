package org.tierslieux.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.TimeRange;

/** The tiers and the usage rule: a day price caps hourly prices, and quantities are counted one way. */
class TiersPropertiesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);

    static BookingPricer.Prices prices(BigDecimal hour, BigDecimal halfDay, BigDecimal day) {
        return (unit, date) -> Optional.ofNullable(
                        switch (unit) {
                            case HOUR -> hour;
                            case HALF_DAY -> halfDay;
                            case DAY -> day;
                            default -> null;
                        })
                .map(a -> new BookingPricer.UnitPrice(new UUID(0, unit.ordinal()), a, VatRate.STANDARD));
    }

    static List<BookingPricer.Day> days(TimeRange period, int seats) {
        List<Usage> perDay = UsageMeter.perDay(period, seats, PARIS);
        LocalDate first = LocalDate.ofInstant(period.start(), PARIS);
        List<BookingPricer.Day> days = new ArrayList<>();
        for (int i = 0; i < perDay.size(); i++) {
            days.add(new BookingPricer.Day(first.plusDays(i), perDay.get(i), BigDecimal.valueOf(seats)));
        }
        return days;
    }

    static TimeRange period(int startMinute, int minutes) {
        Instant start = MONDAY.atStartOfDay(PARIS).toInstant().plusSeconds(60L * startMinute);
        return new TimeRange(start, start.plusSeconds(60L * minutes));
    }

    static BigDecimal total(List<BookingPricer.Charge> charges) {
        return charges.stream().map(BookingPricer.Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Property
    void a_day_price_caps_hourly_prices(
            @ForAll @IntRange(min = 0, max = 24 * 60 - 15) int startMinute,
            @ForAll @IntRange(min = 15, max = 5 * 24 * 60) int minutes,
            @ForAll @IntRange(min = 1, max = 5) int seats,
            @ForAll @BigRange(min = "0.5", max = "200") BigDecimal hourly,
            @ForAll @BigRange(min = "1", max = "500") BigDecimal daily) {
        BigDecimal hour = hourly.setScale(2, RoundingMode.HALF_UP);
        BigDecimal day = daily.setScale(2, RoundingMode.HALF_UP);
        List<BookingPricer.Day> days = days(period(startMinute, minutes - minutes % 15), seats);
        var charges = BookingPricer.charges(days, BigDecimal.ZERO, BigDecimal.ZERO, prices(hour, null, day));

        BigDecimal touchedDays = BigDecimal.valueOf(days.size()).multiply(BigDecimal.valueOf(seats));
        // never more than a day price per day touched (and seat), nor more than the hours at the hourly price
        assertThat(total(charges)).isLessThanOrEqualTo(day.multiply(touchedDays));
        BigDecimal hours =
                days.stream().map(d -> d.usage().quantity(Unit.HOUR)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total(charges)).isLessThanOrEqualTo(hour.multiply(hours));
        // and each day is charged the cheapest way
        for (BookingPricer.Day d : days) {
            BigDecimal cheapest = BookingPricer.cheapest(d, prices(hour, null, day))
                    .orElseThrow()
                    .amount();
            assertThat(cheapest)
                    .isLessThanOrEqualTo(hour.multiply(d.usage().quantity(Unit.HOUR)))
                    .isLessThanOrEqualTo(day.multiply(d.wholeDays()));
        }
    }

    @Property
    void usage_counts_hours_half_days_and_days_by_one_rule(
            @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int startMinute,
            @ForAll @IntRange(min = 1, max = 10 * 24 * 60) int minutes,
            @ForAll @IntRange(min = 1, max = 4) int seats) {
        TimeRange period = period(startMinute, minutes);
        List<Usage> perDay = UsageMeter.perDay(period, seats, PARIS);
        Usage total = UsageMeter.of(null, period, seats, PARIS);
        BigDecimal s = BigDecimal.valueOf(seats);
        for (Usage day : perDay) {
            assertThat(day.quantity(Unit.HALF_DAY))
                    .isEqualByComparingTo(day.quantity(Unit.DAY).multiply(BigDecimal.TWO));
            assertThat(day.quantity(Unit.DAY)).isIn(new BigDecimal("0.5").multiply(s), s);
            assertThat(day.quantity(Unit.HOUR)).isLessThanOrEqualTo(new BigDecimal("25").multiply(s));
        }
        BigDecimal hours = perDay.stream().map(u -> u.quantity(Unit.HOUR)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.quantity(Unit.HOUR)).isEqualByComparingTo(hours);
        // the hours are the duration, within the rounding of each day to the hundredth
        BigDecimal exact =
                BigDecimal.valueOf(minutes).multiply(s).divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP);
        assertThat(hours.subtract(exact).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005")
                        .multiply(BigDecimal.valueOf(perDay.size()))
                        .multiply(s));
        assertThat(total.quantity(Unit.USE)).isEqualByComparingTo(s);
    }

    @Property
    void covering_takes_exactly_what_it_covers_and_leaves_nothing_negative(
            @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int startMinute,
            @ForAll @IntRange(min = 1, max = 6 * 24 * 60) int minutes,
            @ForAll @IntRange(min = 0, max = 20) int halfDaysCovered) {
        List<BookingPricer.Day> days = days(period(startMinute, minutes), 1);
        BigDecimal covered = BigDecimal.valueOf(halfDaysCovered).multiply(new BigDecimal("0.5"));
        List<BookingPricer.Day> left = Quoting.takeCovered(days, Unit.DAY, covered);
        BigDecimal before =
                days.stream().map(d -> d.usage().quantity(Unit.DAY)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal after =
                left.stream().map(d -> d.usage().quantity(Unit.DAY)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(after).isEqualByComparingTo(before.subtract(covered).max(BigDecimal.ZERO));
        left.forEach(d -> d.usage()
                .quantities()
                .values()
                .forEach(q -> assertThat(q.signum()).isNotNegative()));
    }

    @Test
    void a_full_day_at_a_desk_costs_the_day_price_when_two_half_days_cost_more() {
        // 9:00-18:00: 9 hours, 2 half-days, 1 day
        List<BookingPricer.Day> days = days(period(9 * 60, 9 * 60), 1);
        var charges = BookingPricer.charges(
                days,
                BigDecimal.ONE,
                BigDecimal.ONE,
                prices(new BigDecimal("4"), new BigDecimal("15"), new BigDecimal("25")));
        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo(Unit.DAY);
            assertThat(c.amount()).isEqualByComparingTo("25");
        });
    }

    @Test
    void a_morning_costs_the_half_day_price_not_half_the_day_price() {
        List<BookingPricer.Day> days = days(period(9 * 60, 4 * 60), 1);
        var charges = BookingPricer.charges(
                days, BigDecimal.ONE, BigDecimal.ONE, prices(null, new BigDecimal("15"), new BigDecimal("25")));
        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo(Unit.HALF_DAY);
            assertThat(c.amount()).isEqualByComparingTo("15");
        });
    }

    @Test
    void three_hours_cost_the_hours_when_cheaper_than_a_half_day() {
        List<BookingPricer.Day> days = days(period(9 * 60, 3 * 60), 1);
        var charges = BookingPricer.charges(
                days,
                BigDecimal.ONE,
                BigDecimal.ONE,
                prices(new BigDecimal("4"), new BigDecimal("15"), new BigDecimal("25")));
        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo(Unit.HOUR);
            assertThat(c.amount()).isEqualByComparingTo("12");
        });
    }

    @Test
    void the_most_specific_price_wins() {
        LocalDate d = MONDAY;
        PriceRule any = rule(false, false, false, "10");
        PriceRule group = rule(false, true, false, "8");
        PriceRule plan = rule(false, false, true, "5");
        PriceRule resource = rule(true, false, false, "12");
        assertThat(PriceRule.resolve(List.of(any, group), Unit.HOUR, d)).contains(group);
        assertThat(PriceRule.resolve(List.of(any, group, plan), Unit.HOUR, d)).contains(plan);
        assertThat(PriceRule.resolve(List.of(any, group, plan, resource), Unit.HOUR, d))
                .contains(resource);
        assertThat(PriceRule.resolve(List.of(any), Unit.DAY, d)).isEmpty();
    }

    @Test
    void only_french_vat_rates_are_known() {
        assertThat(VatRate.of("20")).isEqualTo(VatRate.STANDARD);
        assertThat(VatRate.of("5,5")).isEqualTo(VatRate.REDUCED);
        assertThat(VatRate.of("20.0")).isEqualTo(VatRate.STANDARD);
        assertThat(VatRate.of("exempt").exempt()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VatRate.of("19.6"))
                .hasMessageContaining("price.vat-rate-unknown");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VatRate.of("abc"))
                .hasMessageContaining("price.vat-rate-unknown");
    }

    static PriceRule rule(boolean resource, boolean group, boolean plan, String amount) {
        return new PriceRule(
                UUID.randomUUID(),
                resource,
                Unit.HOUR,
                group,
                plan,
                new BigDecimal(amount),
                VatRate.STANDARD,
                MONDAY.minusDays(10),
                null);
    }
}
