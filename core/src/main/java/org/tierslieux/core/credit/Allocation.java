package org.tierslieux.core.credit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.Usage;

/**
 * Which lots pay a usage, and how much of each: a pure calculation, so that it can be checked with properties.
 * Lots are walked in {@link Lot#SPENDING_ORDER}; a lot of unit {@code u} takes what is left of the usage in that
 * unit, {@code usage(u) x (1 - f)} where {@code f} is the fraction already covered, up to its balance. A lot
 * never gives more than it holds, so no balance goes below zero.
 */
public final class Allocation {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    private Allocation() {}

    public static List<CreditCoverage.Covered> allocate(List<Lot> lots, Usage usage) {
        List<Lot> ordered = new ArrayList<>(lots);
        ordered.sort(Lot.SPENDING_ORDER);
        List<CreditCoverage.Covered> taken = new ArrayList<>();
        BigDecimal covered = BigDecimal.ZERO;
        for (Lot lot : ordered) {
            if (covered.compareTo(BigDecimal.ONE) >= 0) {
                break;
            }
            BigDecimal total = usage.quantity(lot.unit());
            if (total.signum() <= 0 || lot.left().signum() <= 0) {
                continue;
            }
            BigDecimal needed =
                    total.multiply(BigDecimal.ONE.subtract(covered), PRECISION).setScale(2, RoundingMode.HALF_UP);
            BigDecimal take = needed.min(lot.left());
            if (take.signum() <= 0) {
                continue;
            }
            taken.add(new CreditCoverage.Covered(lot.lotId(), lot.source().name(), lot.label(), lot.unit(), take));
            covered = covered.add(take.divide(total, PRECISION)).min(BigDecimal.ONE);
        }
        return taken;
    }

    /** The fraction of the usage the takes cover, between 0 and 1. */
    public static BigDecimal coveredFraction(List<CreditCoverage.Covered> takes, Usage usage) {
        BigDecimal f = BigDecimal.ZERO;
        for (CreditCoverage.Covered c : takes) {
            BigDecimal total = usage.quantity(c.unit());
            if (total.signum() > 0) {
                f = f.add(c.quantity().divide(total, PRECISION));
            }
        }
        return f.min(BigDecimal.ONE);
    }

    /** The unit's quantities a booking still pays once the takes are counted. */
    public static BigDecimal remaining(List<CreditCoverage.Covered> takes, Usage usage, Unit unit) {
        return usage.quantity(unit)
                .multiply(BigDecimal.ONE.subtract(coveredFraction(takes, usage)), PRECISION)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
