package org.tierslieux.core.pricing.web;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.web.Ui;

/**
 * A quote as the pages show it (template {@code core/quote-box.html}, given as {@code quote}): what credits cover,
 * what is charged, the VAT per rate and the totals, in the caller's language. Any page that sells uses it.
 */
@TemplateData
public record QuoteBox(
        List<Line> lines,
        List<Vat> vat,
        String totalExclVat,
        String totalVat,
        String totalInclVat,
        String charged,
        boolean free,
        boolean hasCovered,
        String billTo,
        boolean company) {

    @TemplateData
    public record Line(
            String description,
            String quantity,
            String unit,
            String unitPrice,
            String vat,
            String total,
            boolean covered,
            String coveredBy) {}

    @TemplateData
    public record Vat(String rate, String amount) {}

    public static QuoteBox of(Quote quote, Ui ui) {
        List<Line> lines = quote.lines().stream().map(l -> line(l, ui)).toList();
        List<Vat> vat = quote.vatByRate().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().percent(), Comparator.reverseOrder()))
                .map(e -> new Vat(rate(e.getKey().code(), ui), money(e.getValue())))
                .toList();
        return new QuoteBox(
                lines,
                vat,
                money(quote.totalExclVat()),
                money(quote.totalVat()),
                money(quote.totalInclVat()),
                money(quote.charged()),
                quote.charged().isZero(),
                lines.stream().anyMatch(Line::covered),
                quote.billTo().name(),
                quote.billTo().companyId() != null);
    }

    private static Line line(QuoteLine l, Ui ui) {
        return new Line(
                l.description(),
                quantity(l.quantity()),
                ui.label("unit.", l.unit().name()),
                l.covered() ? "" : money(l.unitPriceExclVat().rounded()),
                rate(l.vat().code(), ui),
                l.covered() ? "0.00 " + l.totalInclVat().currency().getCurrencyCode() : money(l.totalInclVat()),
                l.covered(),
                l.covered() ? l.coverage().label() : null);
    }

    private static String rate(String code, Ui ui) {
        return "EXEMPT".equals(code) ? ui.t("prices.vat-exempt") : code + " %";
    }

    private static String quantity(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String money(Money m) {
        return m.toString();
    }
}
