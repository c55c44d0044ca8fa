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
import org.tierslieux.billing.invoice.DraftLine;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Turns an order's quote into an invoice draft and a refund into a credit note draft, and issues them through
 * {@link Invoicing} (in the caller's transaction). Only charged lines are invoiced (a line covered by credits
 * cost nothing); a zero invoice, when the place wants one, lists every line at 0.
 */
@ApplicationScoped
class OrderInvoices {

    private final Invoicing invoicing;
    private final PlaceContext placeContext;
    private final PersonDirectory people;
    private final BookingService bookings;
    private final ResourceService resources;

    OrderInvoices(
            Invoicing invoicing,
            PlaceContext placeContext,
            PersonDirectory people,
            BookingService bookings,
            ResourceService resources) {
        this.invoicing = invoicing;
        this.placeContext = placeContext;
        this.people = people;
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
        List<QuoteLine> charged = order.free()
                ? quote.lines()
                : quote.lines().stream().filter(l -> !l.covered()).toList();
        String category = category(order);
        List<DraftLine> lines = charged.stream()
                .map(l -> new DraftLine(
                        l.description(),
                        l.quantity(),
                        l.unit().name(),
                        l.unitPriceExclVat(),
                        l.vat(),
                        l.totalExclVat(),
                        l.totalVat(),
                        l.totalInclVat(),
                        category))
                .toList();
        var place = placeContext.require();
        LocalDate today = LocalDate.ofInstant(paidAt != null ? paidAt : order.createdAt(), place.zone());
        return invoicing.issue(new InvoiceDraft(
                place,
                buyer(quote),
                quote.billTo().person().value(),
                quote.billTo().companyId(),
                null,
                lines,
                today,
                dueDate,
                dueDate == null ? method : null,
                dueDate == null ? paidAt : null,
                order.id(),
                order.subjectType(),
                order.subjectId()));
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

    private Party buyer(Quote quote) {
        String email =
                people.contact(quote.billTo().person()).map(c -> c.email()).orElse(null);
        return new Party(
                quote.billTo().name(),
                null,
                null,
                null,
                null,
                email,
                quote.billTo().companyId() != null);
    }
}
