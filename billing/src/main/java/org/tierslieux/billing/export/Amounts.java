package org.tierslieux.billing.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as French spreadsheets and the FEC read them: a decimal comma, no thousands separator. */
final class Amounts {

    private Amounts() {}

    /** Cents, rounded half-up as {@link org.tierslieux.core.kernel.Money#rounded()} does: {@code 1234,50}. */
    static String cents(BigDecimal amount) {
        return rounded(amount).toPlainString().replace('.', ',');
    }

    static BigDecimal rounded(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A quantity without useless zeros: {@code 1}, {@code 2,5}. */
    static String quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        if (q.scale() < 0) {
            q = q.setScale(0);
        }
        return q.toPlainString().replace('.', ',');
    }
}
