package org.tierslieux.core.pricing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;

/**
 * The priced lines of what a member is about to buy, the VAT per rate, the totals and who is billed. Built by
 * {@link QuoteBuilder} only, so that the totals are always the sums of the lines. It is what billing charges:
 * {@code charged} is what remains to pay once credits covered their lines (equal to {@code totalInclVat},
 * covered lines costing 0).
 */
public record Quote(
        QuoteSubject subject,
        List<QuoteLine> lines,
        Map<VatRate, Money> vatByRate,
        Money totalExclVat,
        Money totalVat,
        Money totalInclVat,
        Money charged,
        BillTo billTo) {

    public Quote {
        Objects.requireNonNull(subject, "subject");
        lines = List.copyOf(lines);
        vatByRate = Map.copyOf(vatByRate);
        Objects.requireNonNull(totalExclVat, "totalExclVat");
        Objects.requireNonNull(totalVat, "totalVat");
        Objects.requireNonNull(totalInclVat, "totalInclVat");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(billTo, "billTo");
    }

    /** The same quote about a subject that now exists (a booking once taken, a subscription once made). */
    public Quote about(UUID subjectId) {
        return new Quote(
                subject.withId(subjectId), lines, vatByRate, totalExclVat, totalVat, totalInclVat, charged, billTo);
    }

    public boolean free() {
        return charged.isZero();
    }

    public List<QuoteLine> coveredLines() {
        return lines.stream().filter(QuoteLine::covered).toList();
    }
}
