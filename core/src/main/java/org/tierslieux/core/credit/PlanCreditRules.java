package org.tierslieux.core.credit;

import java.math.BigDecimal;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Unit;

/** The checks plans and packs share: credit quantities and prices within sensible bounds. */
public final class PlanCreditRules {

    private static final BigDecimal MAX_QUANTITY = new BigDecimal("10000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("100000");

    private PlanCreditRules() {}

    /** A quantity above zero, at most 10,000, on the unit's step (0.5 for days, 0.25 for hours, whole otherwise). */
    public static void checkQuantity(Unit unit, BigDecimal quantity) {
        if (quantity == null
                || quantity.signum() <= 0
                || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.remainder(unit.step()).signum() != 0) {
            throw DomainException.invalid(
                    "credit.quantity-invalid",
                    Map.of("step", unit.step().stripTrailingZeros().toPlainString()));
        }
    }

    /** A price from 0 (free) to 99,999.99, at most four decimals. */
    public static void checkPrice(Money price) {
        if (price == null
                || price.isNegative()
                || price.amount().compareTo(MAX_PRICE) >= 0
                || price.amount().stripTrailingZeros().scale() > 4) {
            throw DomainException.invalid("price.amount-invalid", Map.of());
        }
    }
}
