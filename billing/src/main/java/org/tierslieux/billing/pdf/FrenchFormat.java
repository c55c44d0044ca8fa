package org.tierslieux.billing.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/** Numbers, amounts and dates as a French invoice prints them: {@code 1 234,56 €}, {@code 5,5 %}, {@code 26/11/2026}. */
final class FrenchFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private FrenchFormat() {}

    static String money(Money money) {
        String symbol = money.currency().getCurrencyCode().equals("EUR")
                ? "€"
                : money.currency().getCurrencyCode();
        return number(money.rounded().amount(), money.currency().getDefaultFractionDigits()) + "\u00a0" + symbol;
    }

    /** Two decimals at least, four at most (a unit price may carry more than cents). */
    static String unitPrice(Money money) {
        BigDecimal amount = money.amount().stripTrailingZeros();
        int scale = Math.max(money.currency().getDefaultFractionDigits(), Math.min(4, Math.max(0, amount.scale())));
        String symbol = money.currency().getCurrencyCode().equals("EUR")
                ? "€"
                : money.currency().getCurrencyCode();
        return number(money.amount(), scale) + "\u00a0" + symbol;
    }

    static String quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return number(q, Math.max(0, q.scale()));
    }

    static String rate(VatRate rate) {
        if (rate.exempt()) {
            return "Exonéré";
        }
        BigDecimal p = rate.percent().stripTrailingZeros();
        return number(p, Math.max(0, p.scale())) + "\u00a0%";
    }

    static String date(LocalDate date) {
        return date.format(DATE);
    }

    private static String number(BigDecimal value, int scale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        // a plain no-break space as the thousands separator: the fonts have it, and text extraction reads it back
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(value.setScale(scale, RoundingMode.HALF_UP));
    }
}
