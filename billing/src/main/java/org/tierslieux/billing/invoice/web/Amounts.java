package org.tierslieux.billing.invoice.web;

import org.tierslieux.core.kernel.Money;

/** Amounts as pages print them: "1 234,50 €" in French style (the documents' language). */
final class Amounts {

    private Amounts() {}

    static String print(Money m) {
        if (m == null) {
            return "";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        String symbol = m.currency().getCurrencyCode().equals("EUR")
                ? "€"
                : m.currency().getCurrencyCode();
        return f.format(m.rounded().amount()).replace('\u202f', ' ').replace('\u00a0', ' ') + " " + symbol;
    }
}
