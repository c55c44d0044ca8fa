package org.tierslieux.billing.invoice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/** Sums of a document's lines: the VAT summary per rate and the totals, computed once at issue. */
final class Invoices {

    private Invoices() {}

    /** The VAT summary in a fixed order: 20, 10, 5.5, 2.1, then EXEMPT. */
    static List<VatLine> sortedVat(List<VatLine> lines) {
        List<VatRate> order = VatRate.all();
        List<VatLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(v -> order.indexOf(v.rate())));
        return List.copyOf(sorted);
    }

    static List<VatLine> vatSummary(List<DocumentLine> lines) {
        Map<VatRate, VatLine> byRate = new LinkedHashMap<>();
        for (DocumentLine l : lines) {
            byRate.merge(
                    l.vat(),
                    new VatLine(l.vat(), l.totalExclVat(), l.totalVat()),
                    (a, b) -> new VatLine(
                            a.rate(),
                            a.baseExclVat().plus(b.baseExclVat()),
                            a.vat().plus(b.vat())));
        }
        return sortedVat(new ArrayList<>(byRate.values()));
    }

    static Money sum(List<DocumentLine> lines, java.util.function.Function<DocumentLine, Money> amount, Money zero) {
        Money total = zero;
        for (DocumentLine l : lines) {
            total = total.plus(amount.apply(l));
        }
        return total;
    }
}
