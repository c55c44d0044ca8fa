package org.tierslieux.billing.checkout.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.HeldBookingPage;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.QuoteSubject;

/** After booking something that costs: straight to the pay page of its order. */
@ApplicationScoped
class PayHeldBooking implements HeldBookingPage {

    private final OrderService orders;

    PayHeldBooking(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public Optional<String> pathFor(PlaceRef place, BookingId booking) {
        return orders.latestFor(QuoteSubject.BOOKING, booking.value())
                .filter(o -> o.status() == OrderStatus.PENDING)
                .map(o -> "/" + place.slug() + "/checkout/" + o.id());
    }
}
