package org.tierslieux.core.credit.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;

/** A quote as the API shows it before the member confirms: its lines, VAT per rate, totals, what is charged. */
public record QuoteView(
        String subjectType,
        UUID subjectId,
        List<Line> lines,
        List<VatAmount> vatByRate,
        MoneyJson totalExclVat,
        MoneyJson totalVat,
        MoneyJson totalInclVat,
        MoneyJson charged,
        String billTo) {

    /** One line: charged (no lot) or covered by a lot of credits (then it costs 0). */
    public record Line(
            String description,
            BigDecimal quantity,
            String unit,
            MoneyJson unitPriceExclVat,
            String vatRate,
            MoneyJson totalExclVat,
            MoneyJson totalVat,
            MoneyJson totalInclVat,
            boolean covered,
            UUID lotId,
            String source) {

        static Line of(QuoteLine l) {
            return new Line(
                    l.description(),
                    l.quantity(),
                    l.unit().name(),
                    MoneyJson.of(l.unitPriceExclVat()),
                    l.vat().code(),
                    MoneyJson.of(l.totalExclVat()),
                    MoneyJson.of(l.totalVat()),
                    MoneyJson.of(l.totalInclVat()),
                    l.covered(),
                    l.covered() ? l.coverage().lotId() : null,
                    l.covered() ? l.coverage().source() : null);
        }
    }

    public record VatAmount(String rate, MoneyJson amount) {}

    public static QuoteView of(Quote q) {
        if (q == null) {
            return null;
        }
        return new QuoteView(
                q.subject().type(),
                q.subject().id(),
                q.lines().stream().map(Line::of).toList(),
                q.vatByRate().entrySet().stream()
                        .map(e -> new VatAmount(e.getKey().code(), MoneyJson.of(e.getValue())))
                        .sorted(java.util.Comparator.comparing(VatAmount::rate))
                        .toList(),
                MoneyJson.of(q.totalExclVat()),
                MoneyJson.of(q.totalVat()),
                MoneyJson.of(q.totalInclVat()),
                MoneyJson.of(q.charged()),
                q.billTo().name());
    }
}
