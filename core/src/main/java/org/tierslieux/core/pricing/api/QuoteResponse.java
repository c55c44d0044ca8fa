package org.tierslieux.core.pricing.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.pricing.Unit;

/**
 * A quote as the API shows it: lines (covered ones name their credit lot and cost 0), VAT per rate, totals, what
 * is charged and who is billed. {@code id} is null for a preview.
 */
public record QuoteResponse(
        UUID id,
        String subjectType,
        UUID subjectId,
        List<Line> lines,
        List<VatAmount> vatByRate,
        MoneyJson totalExclVat,
        MoneyJson totalVat,
        MoneyJson totalInclVat,
        MoneyJson charged,
        BillToJson billTo) {

    public record Line(
            String description,
            BigDecimal quantity,
            Unit unit,
            MoneyJson unitPriceExclVat,
            String vatRate,
            MoneyJson totalExclVat,
            MoneyJson totalVat,
            MoneyJson totalInclVat,
            boolean covered,
            CoverageJson coverage) {}

    public record CoverageJson(UUID lotId, String source, String label) {}

    public record VatAmount(String rate, MoneyJson amount) {}

    public record BillToJson(UUID personId, UUID companyId, String name) {}

    public static QuoteResponse of(UUID id, Quote q) {
        return new QuoteResponse(
                id,
                q.subject().type(),
                q.subject().id(),
                q.lines().stream().map(QuoteResponse::line).toList(),
                q.vatByRate().entrySet().stream()
                        .sorted(Comparator.comparing(e -> e.getKey().percent(), Comparator.reverseOrder()))
                        .map(e -> new VatAmount(e.getKey().code(), MoneyJson.of(e.getValue())))
                        .toList(),
                MoneyJson.of(q.totalExclVat()),
                MoneyJson.of(q.totalVat()),
                MoneyJson.of(q.totalInclVat()),
                MoneyJson.of(q.charged()),
                new BillToJson(
                        q.billTo().person().value(),
                        q.billTo().companyId(),
                        q.billTo().name()));
    }

    private static Line line(QuoteLine l) {
        return new Line(
                l.description(),
                l.quantity(),
                l.unit(),
                MoneyJson.precise(l.unitPriceExclVat()),
                l.vat().code(),
                MoneyJson.of(l.totalExclVat()),
                MoneyJson.of(l.totalVat()),
                MoneyJson.of(l.totalInclVat()),
                l.covered(),
                l.coverage() == null
                        ? null
                        : new CoverageJson(
                                l.coverage().lotId(),
                                l.coverage().source(),
                                l.coverage().label()));
    }
}
