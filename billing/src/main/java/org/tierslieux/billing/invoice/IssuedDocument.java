package org.tierslieux.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceId;

/**
 * An invoice or a credit note exactly as issued (table {@code document} with its lines and VAT summary). What
 * the PDF, Factur-X, the exports and the period closing read. Amounts are positive on both types.
 *
 * <p>Nullable: {@code dueDate} (null when paid at issue), {@code deliveryAddress}, {@code vatExemptionMention}
 * (set when the seller charges no VAT: "TVA non applicable, art. 293 B du CGI" or "Exonération de TVA, art.
 * 261-7-1° du CGI"), {@code paymentMethod} and {@code paidAt} (how and when it was paid, when paid at issue),
 * {@code originalId}, {@code originalNumber}, {@code originalIssueDate} and {@code reason} (credit notes only),
 * {@code orderId}, {@code subjectType}, {@code subjectId} (what was sold: BOOKING, SUBSCRIPTION, PACK).
 * {@code mentions} are the other legal mentions as printed (late penalties, the 40 € recovery fee, "option pour
 * le paiement de la taxe d'après les débits", ...), in the order printed.
 */
public record IssuedDocument(
        DocumentId id,
        PlaceId place,
        DocumentType type,
        String number,
        long sequence,
        LocalDate issueDate,
        Instant issuedAt,
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
        List<DocumentLine> lines,
        List<VatLine> vatSummary,
        Money totalExclVat,
        Money totalVat,
        Money totalInclVat,
        String paymentMethod,
        Instant paidAt,
        DocumentId originalId,
        String originalNumber,
        LocalDate originalIssueDate,
        String reason,
        UUID orderId,
        String subjectType,
        UUID subjectId,
        String previousFootprint,
        String footprint) {

    public boolean creditNote() {
        return type == DocumentType.CREDIT_NOTE;
    }

    /** The same document with its lines, VAT summary and footprint replaced (as read back, or once signed). */
    public IssuedDocument with(List<DocumentLine> lines, List<VatLine> vatSummary, String footprint) {
        return new IssuedDocument(
                id,
                place,
                type,
                number,
                sequence,
                issueDate,
                issuedAt,
                operationDate,
                dueDate,
                currency,
                seller,
                buyer,
                buyerPersonId,
                buyerCompanyId,
                deliveryAddress,
                operationNature,
                vatOnDebits,
                vatExemptionMention,
                mentions,
                lines,
                vatSummary,
                totalExclVat,
                totalVat,
                totalInclVat,
                paymentMethod,
                paidAt,
                originalId,
                originalNumber,
                originalIssueDate,
                reason,
                orderId,
                subjectType,
                subjectId,
                previousFootprint,
                footprint);
    }
}
