package org.tierslieux.core.credit.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;

/** Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}. */
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return money == null
                ? null
                : new MoneyJson(money.display(), money.currency().getCurrencyCode());
    }

    /** Reads a price; the currency defaults to the place's. Anything unreadable is 422 price.amount-invalid. */
    public Money toMoney(Currency placeCurrency) {
        try {
            Currency c =
                    currency == null || currency.isBlank() ? placeCurrency : Currency.getInstance(currency.strip());
            return new Money(new BigDecimal(amount.strip()), c);
        } catch (RuntimeException e) {
            throw DomainException.invalid("price.amount-invalid", Map.of());
        }
    }
}
