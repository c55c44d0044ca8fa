package org.tierslieux.core.credit.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import org.tierslieux.core.pricing.Quote;

/** A quote as pages show it before the member confirms (template {@code core/quote-box}). */
@TemplateData
public record QuoteBox(
        List<Row> rows, String totalExclVat, String totalVat, String totalInclVat, String charged, String currency) {

    @TemplateData
    public record Row(String description, String quantity, String vat, String excl, String incl, boolean covered) {}

    public static QuoteBox of(Quote q) {
        if (q == null) {
            return null;
        }
        return new QuoteBox(
                q.lines().stream()
                        .map(l -> new Row(
                                l.description(),
                                l.quantity().stripTrailingZeros().toPlainString(),
                                l.vat().exempt() ? "—" : l.vat().code() + " %",
                                l.totalExclVat().display(),
                                l.totalInclVat().display(),
                                l.covered()))
                        .toList(),
                q.totalExclVat().display(),
                q.totalVat().display(),
                q.totalInclVat().display(),
                q.charged().display(),
                q.charged().currency().getCurrencyCode());
    }
}
