package org.tierslieux.billing.invoice.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.billing.invoice.VatLine;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;

/** An invoice or credit note as issued, with its lines, VAT summary, mentions and footprint. */
public record DocumentResponse(
        UUID id,
        String type,
        String number,
        long sequence,
        LocalDate issueDate,
        OffsetDateTime issuedAt,
        LocalDate operationDate,
        LocalDate dueDate,
        String currency,
        Party seller,
        Party buyer,
        UUID buyerPersonId,
        UUID buyerCompanyId,
        Address deliveryAddress,
        String operationNature,
        boolean vatOnDebits,
        String vatExemptionMention,
        List<String> mentions,
        List<Line> lines,
        List<Vat> vatSummary,
        Amount totalExclVat,
        Amount totalVat,
        Amount totalInclVat,
        String paymentMethod,
        OffsetDateTime paidAt,
        Original original,
        String reason,
        UUID orderId,
        String subjectType,
        UUID subjectId,
        String previousFootprint,
        String footprint,
        List<CreditNoteRef> creditNotes,
        Amount creditable,
        String pdf) {

    /** Money as the API writes it: {@code {"amount": "12.50", "currency": "EUR"}}. */
    public record Amount(String amount, String currency) {
        static Amount of(Money m) {
            return m == null ? null : new Amount(m.display(), m.currency().getCurrencyCode());
        }

        /** As precise as stored (unit prices may have four decimals), at least two decimals. */
        static Amount precise(Money m) {
            BigDecimal a = m.amount().stripTrailingZeros();
            if (a.scale() < 2) {
                a = a.setScale(2, RoundingMode.UNNECESSARY);
            }
            return new Amount(a.toPlainString(), m.currency().getCurrencyCode());
        }
    }

    public record Line(
            int position,
            String description,
            String quantity,
            String unit,
            Amount unitPriceExclVat,
            String vatRate,
            Amount totalExclVat,
            Amount totalVat,
            Amount totalInclVat,
            String category,
            Integer creditedPosition) {}

    public record Vat(String vatRate, Amount baseExclVat, Amount vat) {}

    public record Original(UUID id, String number, LocalDate issueDate) {}

    public record CreditNoteRef(UUID id, String number, LocalDate issueDate, Amount totalInclVat) {}

    public static DocumentResponse of(
            IssuedDocument d, ZoneId zone, List<IssuedDocument> creditNotes, Money creditable, String pdfPath) {
        return new DocumentResponse(
                d.id().value(),
                d.type().name(),
                d.number(),
                d.sequence(),
                d.issueDate(),
                d.issuedAt().atZone(zone).toOffsetDateTime(),
                d.operationDate(),
                d.dueDate(),
                d.currency(),
                d.seller(),
                d.buyer(),
                d.buyerPersonId(),
                d.buyerCompanyId(),
                d.deliveryAddress(),
                d.operationNature(),
                d.vatOnDebits(),
                d.vatExemptionMention(),
                d.mentions(),
                d.lines().stream().map(DocumentResponse::line).toList(),
                d.vatSummary().stream().map(DocumentResponse::vat).toList(),
                Amount.of(d.totalExclVat()),
                Amount.of(d.totalVat()),
                Amount.of(d.totalInclVat()),
                d.paymentMethod(),
                d.paidAt() == null ? null : d.paidAt().atZone(zone).toOffsetDateTime(),
                d.originalId() == null
                        ? null
                        : new Original(d.originalId().value(), d.originalNumber(), d.originalIssueDate()),
                d.reason(),
                d.orderId(),
                d.subjectType(),
                d.subjectId(),
                d.previousFootprint(),
                d.footprint(),
                creditNotes.stream()
                        .map(c -> new CreditNoteRef(
                                c.id().value(), c.number(), c.issueDate(), Amount.of(c.totalInclVat())))
                        .toList(),
                Amount.of(creditable),
                pdfPath);
    }

    private static Line line(DocumentLine l) {
        return new Line(
                l.position(),
                l.description(),
                l.quantity().stripTrailingZeros().toPlainString(),
                l.unit(),
                Amount.precise(l.unitPriceExclVat()),
                l.vat().code(),
                Amount.of(l.totalExclVat()),
                Amount.of(l.totalVat()),
                Amount.of(l.totalInclVat()),
                l.category(),
                l.creditedPosition());
    }

    private static Vat vat(VatLine v) {
        return new Vat(v.rate().code(), Amount.of(v.baseExclVat()), Amount.of(v.vat()));
    }
}
