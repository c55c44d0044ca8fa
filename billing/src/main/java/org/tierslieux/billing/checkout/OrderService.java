package org.tierslieux.billing.checkout;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Orders of the current place and what happens to them: opened from a saved quote, paid (online or at the desk)
 * with their invoice issued in the same transaction and what was bought confirmed, cancelled, expired, refunded
 * with a credit note per refund.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);

    /** The manual methods the desk records. */
    public static final Set<String> MANUAL_METHODS = Set.of("CASH", "CHEQUE", "TRANSFER", "CARD_TERMINAL");

    /** Fired when a refund waits to be sent to the provider: sent after the transaction committed. */
    public record RefundToSend(UUID refund) {}

    /** Who acts on an order: its member (their own only), or the desk (managers, treasurers). */
    public record Actor(PersonId person, boolean desk) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final QuoteStore quotes;
    private final OrderInvoices invoices;
    private final PaymentSettings settings;
    private final BookingService bookings;
    private final SubscriptionService subscriptions;
    private final PackService packs;
    private final Event<RefundToSend> refundsToSend;

    OrderService(
            Clock clock,
            PlaceContext placeContext,
            QuoteStore quotes,
            OrderInvoices invoices,
            PaymentSettings settings,
            BookingService bookings,
            SubscriptionService subscriptions,
            PackService packs,
            Event<RefundToSend> refundsToSend) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.quotes = quotes;
        this.invoices = invoices;
        this.settings = settings;
        this.bookings = bookings;
        this.subscriptions = subscriptions;
        this.packs = packs;
        this.refundsToSend = refundsToSend;
    }

    // ---- opening ------------------------------------------------------------------------------------------

    /**
     * The order of a saved quote, made once ({@code quoteId} is unique: a replayed event finds the first one).
     * A free order is PAID at once, with a zero invoice when the place asks for one.
     */
    @Transactional
    public SaleOrder open(Quote quote, UUID quoteId) {
        placeContext.require();
        Optional<SaleOrder> existing = em().createQuery("from SaleOrder o where o.quoteId = :q", SaleOrder.class)
                .setParameter("q", quoteId)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        QuoteSubject subject = quote.subject();
        String description =
                quote.lines().isEmpty() ? subject.type() : quote.lines().get(0).description();
        if (quote.lines().size() > 1) {
            description += " (+" + (quote.lines().size() - 1) + ")";
        }
        SaleOrder order = new SaleOrder(
                quote.billTo().person(),
                quote.billTo().companyId(),
                subject.type(),
                subject.id(),
                quoteId,
                description,
                quote.charged().rounded(),
                clock.instant());
        em().persist(order);
        if (order.free()) {
            order.markPaid(clock.instant());
            if (settings.invoiceTerms().issueZeroInvoices()) {
                order.invoiced(invoices.invoice(order, quote, null, clock.instant(), null)
                        .id()
                        .value());
            }
        }
        em().flush();
        return order;
    }

    /** Saves the quote (billing keeps its own copy's id) and opens its order. */
    @Transactional
    public SaleOrder openFor(Quote quote) {
        return open(quote, quotes.save(quote));
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional
    public SaleOrder find(UUID id) {
        placeContext.require();
        return em().createQuery("from SaleOrder o where o.id = :id", SaleOrder.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("order.not-found", Map.of("id", id)));
    }

    /** An order the actor may see: the desk any, a member their own (404 otherwise, as for another place's). */
    @Transactional
    public SaleOrder visible(Actor actor, UUID id) {
        SaleOrder order = find(id);
        if (!actor.desk() && !order.person().equals(actor.person())) {
            throw DomainException.notFound("order.not-found", Map.of("id", id));
        }
        return order;
    }

    SaleOrder locked(UUID id) {
        SaleOrder order = find(id);
        em().lock(order, LockModeType.PESSIMISTIC_WRITE);
        em().refresh(order);
        return order;
    }

    /** The latest order of what was bought (a booking, a subscription's latest period, a pack purchase). */
    @Transactional
    public Optional<SaleOrder> latestFor(String subjectType, UUID subjectId) {
        placeContext.require();
        return em().createQuery(
                        "from SaleOrder o where o.subjectType = :t and o.subjectId = :s order by o.createdAt desc, o.id",
                        SaleOrder.class)
                .setParameter("t", subjectType)
                .setParameter("s", subjectId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Newest first; {@code status} null for all, {@code person} null for everybody's. */
    @Transactional
    public List<SaleOrder> list(OrderStatus status, PersonId person, int page, int size) {
        placeContext.require();
        var query = em().createQuery(
                        "from SaleOrder o" + where(status, person) + " order by o.createdAt desc, o.id",
                        SaleOrder.class);
        bind(query, status, person);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional
    public long count(OrderStatus status, PersonId person) {
        placeContext.require();
        var query = em().createQuery("select count(o) from SaleOrder o" + where(status, person), Long.class);
        bind(query, status, person);
        return query.getSingleResult();
    }

    private static String where(OrderStatus status, PersonId person) {
        List<String> conditions = new java.util.ArrayList<>();
        if (status != null) {
            conditions.add("o.status = :s");
        }
        if (person != null) {
            conditions.add("o.personId = :p");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(jakarta.persistence.TypedQuery<?> query, OrderStatus status, PersonId person) {
        if (status != null) {
            query.setParameter("s", status);
        }
        if (person != null) {
            query.setParameter("p", person.value());
        }
    }

    @Transactional
    public List<OrderPayment> payments(UUID orderId) {
        return em().createQuery(
                        "from OrderPayment p where p.orderId = :o order by p.createdAt, p.id", OrderPayment.class)
                .setParameter("o", orderId)
                .getResultList();
    }

    @Transactional
    public List<OrderRefund> refunds(UUID orderId) {
        return em().createQuery("from OrderRefund r where r.orderId = :o order by r.createdAt, r.id", OrderRefund.class)
                .setParameter("o", orderId)
                .getResultList();
    }

    @Transactional
    public Quote quoteOf(SaleOrder order) {
        return quotes.find(order.quoteId())
                .orElseThrow(() -> new IllegalStateException("The quote of order " + order.id() + " is gone"));
    }

    // ---- paying -------------------------------------------------------------------------------------------

    /**
     * The money of {@code payment} arrived: the order is PAID, invoiced (unless a transfer invoice was issued at
     * order) and what was bought is confirmed. Money arriving on an order that expired or was cancelled meanwhile
     * (a late online payment) is still received and invoiced, then refunded in full with a credit note when what
     * it paid for is gone.
     */
    void settle(SaleOrder order, OrderPayment payment) {
        Instant paidAt = payment.paidAt() != null ? payment.paidAt() : clock.instant();
        boolean late = order.status() == OrderStatus.EXPIRED || order.status() == OrderStatus.CANCELLED;
        if (order.status().paid()) {
            // a second payment of a paid order (two tabs): keep it, give it back
            LOG.warnf("Order %s was already paid: payment %s is refunded", order.id(), payment.id());
            refundPayment(order, payment, payment.amount(), "paid twice", null, false);
            return;
        }
        if (late) {
            order.revive();
        }
        order.markPaid(paidAt);
        if (order.invoiceId() == null) {
            order.invoiced(invoices.invoice(order, quoteOf(order), payment.method(), paidAt, null)
                    .id()
                    .value());
        }
        if (!confirmSubject(order)) {
            LOG.infof("Order %s was paid after what it bought was gone: refunded", order.id());
            refundPayment(order, payment, payment.amount(), "paid after the hold ran out", null, true);
        }
        em().flush();
    }

    /** Confirms what the order bought; false when it no longer can be (a booking that expired meanwhile). */
    private boolean confirmSubject(SaleOrder order) {
        switch (order.subjectType()) {
            case QuoteSubject.BOOKING -> {
                BookingId id = new BookingId(order.subjectId());
                BookingStatus status = bookings.find(id).status();
                if (status == BookingStatus.HELD) {
                    bookings.confirmPaid(id);
                    return true;
                }
                return status == BookingStatus.CONFIRMED || status == BookingStatus.NO_SHOW;
            }
            case QuoteSubject.SUBSCRIPTION -> {
                SubscriptionStatus status =
                        subscriptions.find(order.subjectId()).status();
                if (status == SubscriptionStatus.PENDING) {
                    subscriptions.activatePaid(order.subjectId());
                } else if (status == SubscriptionStatus.PAST_DUE && !otherUnpaid(order)) {
                    subscriptions.markPaid(order.subjectId());
                }
                return status != SubscriptionStatus.CANCELLED && status != SubscriptionStatus.ENDED;
            }
            case QuoteSubject.PACK -> {
                if ("PENDING".equals(packs.purchase(order.subjectId()).status())) {
                    packs.confirmPaid(order.subjectId());
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private boolean otherUnpaid(SaleOrder order) {
        return em().createQuery(
                                "select count(o) from SaleOrder o where o.subjectType = :t and o.subjectId = :s"
                                        + " and o.status = 'PENDING' and o.id <> :id",
                                Long.class)
                        .setParameter("t", order.subjectType())
                        .setParameter("s", order.subjectId())
                        .setParameter("id", order.id())
                        .getSingleResult()
                > 0;
    }

    /**
     * The desk records money received (cash, cheque, transfer, card terminal): the order is paid and invoiced,
     * or, when a transfer invoice was issued at order, paid against that invoice (no second invoice).
     */
    @Transactional
    public OrderPayment recordManual(UUID orderId, String method, String reference, PersonId by) {
        String m = method == null ? "" : method.strip().toUpperCase(java.util.Locale.ROOT);
        if (!MANUAL_METHODS.contains(m)) {
            throw DomainException.invalid("payment.method-invalid", Map.of("method", String.valueOf(method)));
        }
        SaleOrder order = locked(orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw DomainException.conflict("order.not-pending", Map.of("status", order.status()));
        }
        if (order.free()) {
            throw DomainException.conflict("order.free", Map.of());
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null && ref.length() > 200) {
            throw DomainException.invalid("payment.reference-too-long", Map.of("max", 200));
        }
        OrderPayment payment = OrderPayment.manual(order, m, ref, by.value(), clock.instant());
        em().persist(payment);
        settle(order, payment);
        return payment;
    }

    /**
     * For a transfer: the invoice is issued now, owed by today + the place's transfer due days, and what was
     * bought is confirmed at once (the buyer owes the invoice). The money is recorded later with
     * {@link #recordManual} against that invoice.
     */
    @Transactional
    public SaleOrder invoiceForTransfer(UUID orderId) {
        SaleOrder order = locked(orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw DomainException.conflict("order.not-pending", Map.of("status", order.status()));
        }
        if (order.invoiceId() != null) {
            throw DomainException.conflict("order.already-invoiced", Map.of());
        }
        if (order.free()) {
            throw DomainException.conflict("order.free", Map.of());
        }
        LocalDate today =
                LocalDate.ofInstant(clock.instant(), placeContext.require().zone());
        LocalDate due = today.plusDays(settings.invoiceTerms().transferDueDays());
        order.invoiced(invoices.invoice(order, quoteOf(order), "TRANSFER", null, due)
                .id()
                .value());
        if (!confirmSubject(order)) {
            throw DomainException.conflict("order.subject-gone", Map.of());
        }
        return order;
    }

    // ---- ending -------------------------------------------------------------------------------------------

    /** A pending order whose booking's hold ran out. */
    void expire(SaleOrder order) {
        if (order.status() == OrderStatus.PENDING) {
            order.expire(clock.instant());
        }
    }

    /**
     * What the order bought was cancelled: a pending order is cancelled (and its transfer invoice, if any,
     * credited in full); a paid one is refunded of what is left, with a credit note.
     */
    void cancelled(SaleOrder order, String reason) {
        if (order.status() == OrderStatus.PENDING) {
            if (order.invoiceId() != null) {
                invoices.creditNote(order.invoiceId(), order.amount(), reason, null, null);
            }
            order.cancel(clock.instant());
        } else if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED) {
            Money left = order.amount().minus(order.refundedAmount());
            if (left.amount().signum() > 0) {
                refund(order, left, reason, null);
            }
        }
    }

    /**
     * Something an order paid for, sold outside core's bookings (a coworking guest day), was cancelled: the same
     * as a cancelled booking's order. Pending: cancelled (a transfer invoice issued at order is credited in full);
     * paid: what is left is refunded with a credit note. An issued invoice is never touched.
     */
    @Transactional
    public SaleOrder subjectCancelled(UUID orderId, String reason) {
        SaleOrder order = locked(orderId);
        cancelled(order, reason);
        return order;
    }

    // ---- refunds ------------------------------------------------------------------------------------------

    /**
     * Gives back {@code amount} (null: all that is left) of a paid order, never above what was paid minus what
     * was refunded (422 payment.refund-too-large). Each refund issues a credit note. Online payments are refunded
     * through the provider after this transaction commits (see {@link RefundSender}); manual ones are recorded.
     */
    @Transactional
    public OrderRefund refund(UUID orderId, Money amount, String reason, PersonId by) {
        SaleOrder order = locked(orderId);
        return refund(order, amount, reason, by);
    }

    private OrderRefund refund(SaleOrder order, Money amount, String reason, PersonId by) {
        if (!order.status().paid() || order.free()) {
            throw DomainException.conflict("order.not-paid", Map.of("status", order.status()));
        }
        Money left = order.amount().minus(order.refundedAmount());
        Money asked = amount == null ? left : amount.rounded();
        if (!asked.currency().equals(order.amount().currency())) {
            throw DomainException.invalid("payment.currency-mismatch", Map.of("currency", asked.currency()));
        }
        if (asked.amount().signum() <= 0 && !left.isZero()) {
            throw DomainException.invalid("payment.refund-not-positive", Map.of());
        }
        if (asked.compareTo(left) > 0 || left.isZero()) {
            throw DomainException.invalid(
                    "payment.refund-too-large", Map.of("left", left.display(), "asked", asked.display()));
        }
        OrderPayment payment = payments(order.id()).stream()
                .filter(p -> p.paid() && p.amount().minus(p.refundedAmount()).compareTo(asked) >= 0)
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(
                        "payment.refund-too-large", Map.of("left", left.display(), "asked", asked.display())));
        return refundPayment(order, payment, asked, reason, by, true);
    }

    /**
     * {@code ofTheOrder} false: a duplicate payment given back, which the order's invoice never counted (no credit
     * note, the order unchanged).
     */
    private OrderRefund refundPayment(
            SaleOrder order, OrderPayment payment, Money amount, String reason, PersonId by, boolean ofTheOrder) {
        OrderRefund refund = new OrderRefund(payment, amount, reason, by == null ? null : by.value(), clock.instant());
        em().persist(refund);
        payment.refunded(amount);
        if (ofTheOrder) {
            order.refunded(amount);
        }
        if (ofTheOrder && order.invoiceId() != null) {
            refund.creditNote(invoices.creditNote(
                            order.invoiceId(),
                            amount,
                            reason == null ? "Remboursement" : reason,
                            refund.id(),
                            payment.method())
                    .id()
                    .value());
        }
        em().flush();
        if (refund.toSend()) {
            refundsToSend.fire(new RefundToSend(refund.id()));
        }
        return refund;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
