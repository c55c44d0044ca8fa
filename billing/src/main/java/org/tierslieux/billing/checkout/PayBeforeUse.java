package org.tierslieux.billing.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.HoldPolicy;
import org.tierslieux.core.credit.PurchasePolicy;
import org.tierslieux.core.pricing.QuoteService;

/**
 * Billing's "pay before it is yours" rules, plugged into core. A booking that costs something (its quote's charged
 * amount, as the member was shown it) is HELD for the place's payment delay; its order is opened when the hold is
 * taken ({@link OrderEvents}). A subscription or a pack that costs something waits for its payment (PENDING): its
 * order is opened here, in the purchase's transaction. A free purchase is confirmed at once, with its free order
 * (and a zero invoice if the place asks for one). A place that does not require payment first
 * ({@code payment_settings.payment_required} false) confirms everything at once; its orders wait for the desk.
 */
@ApplicationScoped
class PayBeforeUse implements HoldPolicy, PurchasePolicy {

    private final QuoteService quotes;
    private final PaymentSettings settings;
    private final OrderService orders;

    PayBeforeUse(QuoteService quotes, PaymentSettings settings, OrderService orders) {
        this.quotes = quotes;
        this.settings = settings;
        this.orders = orders;
    }

    @Override
    public Optional<Duration> holdFor(BookingAttempt attempt) {
        var place = settings.current();
        if (!place.paymentRequired()) {
            return Optional.empty();
        }
        var quote = quotes.forBooking(
                attempt.person(),
                new BookingService.Request(attempt.resource().id(), attempt.period(), attempt.seats(), null),
                attempt.period().start());
        if (quote.free()) {
            return Optional.empty();
        }
        return Optional.of(place.hold());
    }

    @Override
    public boolean payFirst(Purchase purchase) {
        SaleOrder order = orders.openFor(purchase.quote());
        return !order.free() && settings.current().paymentRequired();
    }
}
