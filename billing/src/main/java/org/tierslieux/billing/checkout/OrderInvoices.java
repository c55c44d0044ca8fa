package org.tierslieux.billing.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.InvoiceDrafts;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Parties;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Turns an order's quote into an invoice draft ({@link InvoiceDrafts#fromQuote}, the buyer from {@link Parties}:
 * the company billed, with its SIREN, VAT number and address, else the person) and a refund into a credit note
 * draft, and issues them through {@link Invoicing} (in the caller's transaction). Only charged lines are invoiced
 * (a line covered by credits cost nothing); a zero invoice, when the place wants one, lists every line at 0.
 * Every line carries what was sold, for the accounts: the booked resource's kind, SUBSCRIPTION, PACK or OTHER.
 */
@ApplicationScoped
class OrderInvoices {

    private final Invoicing invoicing;
    private final PlaceContext placeContext;
    private final Parties parties;
    private final BookingService bookings;
    private final ResourceService resources;

    OrderInvoices(
            Invoicing invoicing,
            PlaceContext placeContext,
            Parties parties,
            BookingService bookings,
            ResourceService resources) {
        this.invoicing = invoicing;
        this.placeContext = placeContext;
        this.parties = parties;
        this.bookings = bookings;
        this.resources = resources;
    }

    /** What was sold, for the accounts: the booked resource's kind, SUBSCRIPTION, PACK or OTHER. */
    private String category(SaleOrder order) {
        return switch (order.subjectType()) {
            case QuoteSubject.BOOKING ->
                resources
                        .find(bookings.find(new BookingId(order.subjectId())).resourceId())
                        .kind();
            case QuoteSubject.SUBSCRIPTION, QuoteSubject.PACK -> order.subjectType();
            default -> "OTHER";
        };
    }

    /** Paid at issue ({@code dueDate} null, with how and when), or owed by {@code dueDate} (a transfer). */
    IssuedDocument invoice(SaleOrder order, Quote quote, String method, Instant paidAt, LocalDate dueDate) {
        String category = category(order);
        var place = placeContext.require();
        LocalDate today = LocalDate.ofInstant(paidAt != null ? paidAt : order.createdAt(), place.zone());
        InvoiceDraft draft = InvoiceDrafts.fromQuote(
                place,
                quote,
                parties.buyer(quote.billTo()),
                category,
                today,
                dueDate,
                dueDate == null ? method : null,
                dueDate == null ? paidAt : null,
                order.id());
        if (order.free()) {
            // a zero invoice lists every line (those covered by credits at 0), not only the charged ones
            draft = new InvoiceDraft(
                    draft.place(),
                    draft.buyer(),
                    draft.buyerPersonId(),
                    draft.buyerCompanyId(),
                    draft.deliveryAddress(),
                    quote.lines().stream()
                            .map(l -> InvoiceDrafts.line(l, category))
                            .toList(),
                    draft.operationDate(),
                    draft.dueDate(),
                    draft.paymentMethod(),
                    draft.paidAt(),
                    draft.orderId(),
                    draft.subjectType(),
                    draft.subjectId());
        }
        return invoicing.issue(draft);
    }

    /**
     * A credit note for {@code amount} of the order's invoice: the whole invoice when it is all that is left,
     * else every line credited in the proportion {@code amount / total} (quantities to 4 decimals).
     */
    IssuedDocument creditNote(UUID invoiceId, Money amount, String reason, UUID refundId, String method) {
        DocumentId id = new DocumentId(invoiceId);
        IssuedDocument invoice = invoicing.find(id).orElseThrow();
        Money left = invoicing.creditable(id);
        List<CreditNoteDraft.CreditedLine> lines = new ArrayList<>();
        boolean whole = invoicing.creditNotesOf(id).isEmpty() && amount.compareTo(left) >= 0;
        if (!whole) {
            BigDecimal ratio = amount.amount().divide(invoice.totalInclVat().amount(), 10, RoundingMode.HALF_UP);
            for (var line : invoice.lines()) {
                BigDecimal quantity = line.quantity().multiply(ratio).setScale(4, RoundingMode.HALF_UP);
                if (quantity.signum() > 0) {
                    lines.add(new CreditNoteDraft.CreditedLine(line.position(), quantity));
                }
            }
        }
        return invoicing.issueCreditNote(new CreditNoteDraft(id, lines, reason, refundId, method));
    }
}
