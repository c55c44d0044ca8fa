package org.tierslieux.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;

/** Builds invoice drafts from what core priced. */
public final class InvoiceDrafts {

    private InvoiceDrafts() {}

    /**
     * The draft of a quote: its charged lines only (a line covered by credits was paid when the credits were
     * bought, and is not invoiced again). {@code category} names what was sold for the accounts (a resource kind
     * such as {@code ROOM}, or {@code SUBSCRIPTION}, {@code PACK}); {@code dueDate} null means paid at issue by
     * {@code paymentMethod} at {@code paidAt}.
     */
    public static InvoiceDraft fromQuote(
            PlaceRef place,
            Quote quote,
            Party buyer,
            String category,
            LocalDate operationDate,
            LocalDate dueDate,
            String paymentMethod,
            Instant paidAt,
            UUID orderId) {
        List<DraftLine> lines = quote.lines().stream()
                .filter(l -> !l.covered())
                .map(l -> line(l, category))
                .toList();
        return new InvoiceDraft(
                place,
                buyer,
                quote.billTo().person().value(),
                quote.billTo().companyId(),
                null,
                lines,
                operationDate,
                dueDate,
                paymentMethod,
                paidAt,
                orderId,
                quote.subject().type(),
                quote.subject().id());
    }

    public static DraftLine line(QuoteLine l, String category) {
        return new DraftLine(
                l.description(),
                l.quantity(),
                l.unit().name(),
                l.unitPriceExclVat(),
                l.vat(),
                l.totalExclVat(),
                l.totalVat(),
                l.totalInclVat(),
                category == null ? "OTHER" : category);
    }
}
