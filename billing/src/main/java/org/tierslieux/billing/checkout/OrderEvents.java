package org.tierslieux.billing.checkout;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingHeld;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.core.plan.SubscriptionRenewed;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.QuoteSubject;

/**
 * What core's events mean for orders, in the transaction of the event (synchronous observers: a booking that
 * fails leaves no order). The booking's quote is read after core's credits observer saved it (a later priority).
 *
 * <ul>
 *   <li>Held: the booking's order is opened (PENDING) from its quote.
 *   <li>Confirmed without a hold (free): a free order, invoiced at 0 when the place asks for it.
 *   <li>Cancelled: the order is EXPIRED (a hold ran out), CANCELLED (not paid yet), or refunded with a credit note
 *       (paid). The provider's refund is sent after commit ({@link RefundSender}).
 *   <li>Renewed: the period's order is opened from the renewal's quote; with a SEPA mandate it is charged once
 *       the renewal committed ({@link SepaCharges}).
 * </ul>
 */
@ApplicationScoped
class OrderEvents {

    private static final Logger LOG = Logger.getLogger(OrderEvents.class);
    private static final int AFTER_CORE = Interceptor.Priority.APPLICATION + 1000;

    private final OrderService orders;
    private final QuoteStore quotes;
    private final SepaCharges sepa;
    private final Event<SepaCharges.ChargeDue> charges;

    OrderEvents(OrderService orders, QuoteStore quotes, SepaCharges sepa, Event<SepaCharges.ChargeDue> charges) {
        this.orders = orders;
        this.quotes = quotes;
        this.sepa = sepa;
        this.charges = charges;
    }

    void held(@Observes @Priority(AFTER_CORE) BookingHeld e) {
        openForBooking(e.booking().value());
    }

    void confirmed(@Observes @Priority(AFTER_CORE) BookingConfirmed e) {
        if (orders.latestFor(QuoteSubject.BOOKING, e.booking().value()).isEmpty()) {
            openForBooking(e.booking().value());
        }
    }

    private void openForBooking(java.util.UUID booking) {
        if (orders.latestFor(QuoteSubject.BOOKING, booking).isPresent()) {
            return;
        }
        quotes.latestFor(new QuoteSubject(QuoteSubject.BOOKING, booking))
                .ifPresentOrElse(orders::openFor, () -> LOG.warnf("Booking %s has no saved quote: no order", booking));
    }

    void cancelled(@Observes @Priority(AFTER_CORE) BookingCancelled e) {
        orders.latestFor(QuoteSubject.BOOKING, e.booking().value()).ifPresent(order -> {
            if (e.cause() == CancelCause.EXPIRED) {
                orders.expire(order);
            } else {
                orders.cancelled(
                        orders.locked(order.id()),
                        e.reason() == null ? "Annulation de la réservation" : "Annulation : " + e.reason());
            }
        });
    }

    void renewed(@Observes @Priority(AFTER_CORE) SubscriptionRenewed e) {
        if (e.quoteId() == null) {
            LOG.warnf("Renewal of %s has no saved quote: no order", e.subscription());
            return;
        }
        var quote = quotes.find(e.quoteId());
        if (quote.isEmpty()) {
            LOG.warnf("Renewal of %s: quote %s not found", e.subscription(), e.quoteId());
            return;
        }
        SaleOrder order = orders.open(quote.get(), e.quoteId());
        if (order.status() == OrderStatus.PENDING
                && sepa.mandateOf(e.subscription()).isPresent()) {
            charges.fire(new SepaCharges.ChargeDue(order.id()));
        }
    }
}
