package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import org.tierslieux.core.kernel.Money;

/**
 * One priced line of a quote: a label, a quantity and a unit price excluding VAT, with the VAT rate in
 * percent (null where the place is exempt). Totals are computed by the quote, rounded in {@link Money}.
 */
public record QuoteLine(
        String code, String label, BigDecimal quantity, Money unitPriceExclVat, BigDecimal vatRatePercent) {
    public QuoteLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPriceExclVat, "unitPriceExclVat");
    }

    public Money totalExclVat() {
        return unitPriceExclVat.times(quantity).rounded();
    }
}
