package org.tierslieux.core.pricing.api;

import java.math.BigDecimal;
import org.tierslieux.core.kernel.Money;

/** Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a string. */
public record MoneyJson(String amount, String currency) {

    /** Rounded to the cent (totals). */
    static MoneyJson of(Money money) {
        return new MoneyJson(money.display(), money.currency().getCurrencyCode());
    }

    /** As precise as stored (a unit price excluding VAT may have up to four decimals), at least two. */
    static MoneyJson precise(Money money) {
        BigDecimal a = money.amount().stripTrailingZeros();
        if (a.scale() < 2) {
            a = a.setScale(2);
        }
        return new MoneyJson(a.toPlainString(), money.currency().getCurrencyCode());
    }
}
