package org.tierslieux.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Unit;

/**
 * A partial period, prorata temporis by local days: from {@code from} (included) to the period's end, over the
 * days of the whole period. The price is the plan's price times that ratio, rounded once to the cent; credits are
 * the plan's times the ratio, rounded down to the unit's step (0.5 day, 1 half-day, 0.25 hour, 1 use), so a
 * member never gets more than the whole period would give. A full period has a ratio of exactly one.
 */
public record Proration(long daysLeft, long daysInPeriod) {

    private static final int SCALE = 10;

    public Proration {
        if (daysInPeriod < 1 || daysLeft < 0 || daysLeft > daysInPeriod) {
            throw new IllegalArgumentException("Days left " + daysLeft + " of " + daysInPeriod);
        }
    }

    public static Proration of(LocalDate from, LocalDate periodStart, LocalDate periodEnd) {
        return new Proration(ChronoUnit.DAYS.between(from, periodEnd), ChronoUnit.DAYS.between(periodStart, periodEnd));
    }

    public static Proration whole(LocalDate periodStart, LocalDate periodEnd) {
        return of(periodStart, periodStart, periodEnd);
    }

    public boolean full() {
        return daysLeft == daysInPeriod;
    }

    public BigDecimal ratio() {
        return BigDecimal.valueOf(daysLeft).divide(BigDecimal.valueOf(daysInPeriod), SCALE, RoundingMode.HALF_UP);
    }

    public Money price(Money full) {
        if (full()) {
            return full.rounded();
        }
        return new Money(
                        full.amount()
                                .multiply(BigDecimal.valueOf(daysLeft))
                                .divide(BigDecimal.valueOf(daysInPeriod), 4, RoundingMode.HALF_UP),
                        full.currency())
                .rounded();
    }

    public BigDecimal credits(Unit unit, BigDecimal full) {
        if (full()) {
            return full;
        }
        BigDecimal exact = full.multiply(BigDecimal.valueOf(daysLeft))
                .divide(BigDecimal.valueOf(daysInPeriod), SCALE, RoundingMode.DOWN);
        BigDecimal steps = exact.divide(unit.step(), 0, RoundingMode.DOWN);
        return steps.multiply(unit.step()).setScale(2, RoundingMode.UNNECESSARY);
    }
}
