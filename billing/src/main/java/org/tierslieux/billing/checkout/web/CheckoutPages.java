package org.tierslieux.billing.checkout.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.billing.checkout.Checkout;
import org.tierslieux.billing.checkout.OrderPayment;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.billing.checkout.PaymentSettings;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.credit.web.QuoteBox;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.web.Pages;

/**
 * The member's pay page (the order's quote, pay online or at the desk) and the page the payment provider sends
 * the payer back to. The return page asks the provider itself (as the webhook would: idempotent), so that it
 * shows the truth even when the webhook is late.
 */
@Path("/{place}/checkout")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class CheckoutPages {

    private static final Logger LOG = Logger.getLogger(CheckoutPages.class);

    private final OrderService orders;
    private final Checkout checkout;
    private final PaymentSettings settings;
    private final BookingService bookings;
    private final Caller caller;
    private final Pages pages;
    private final Template payTemplate;
    private final Template returnTemplate;

    CheckoutPages(
            OrderService orders,
            Checkout checkout,
            PaymentSettings settings,
            BookingService bookings,
            Caller caller,
            Pages pages,
            @Location("billing/checkout.html") Template payTemplate,
            @Location("billing/checkout-return.html") Template returnTemplate) {
        this.orders = orders;
        this.checkout = checkout;
        this.settings = settings;
        this.bookings = bookings;
        this.caller = caller;
        this.pages = pages;
        this.payTemplate = payTemplate;
        this.returnTemplate = returnTemplate;
    }

    /** The pay page of a booking's order (where the booking page sends a member whose booking is held). */
    @GET
    @Path("booking/{booking}")
    public Response ofBooking(@PathParam("place") String place, @PathParam("booking") UUID booking) {
        bookings.findOwn(
                new org.tierslieux.core.booking.Booker(caller.requirePerson(), desk(), false), new BookingId(booking));
        SaleOrder order = orders.latestFor(QuoteSubject.BOOKING, booking)
                .orElseThrow(() -> DomainException.notFound("order.not-found", java.util.Map.of("id", booking)));
        return Pages.redirect("/" + place + "/checkout/" + order.id());
    }

    @GET
    @Path("{id}")
    public TemplateInstance pay(@PathParam("place") String place, @PathParam("id") UUID id) {
        return payPage(id, null);
    }

    @POST
    @Path("{id}")
    public Response start(
            @PathParam("place") String place, @PathParam("id") UUID id, @FormParam("mandate") String mandate) {
        try {
            OrderPayment payment = checkout.start(actor(), id, "true".equals(mandate));
            return Response.seeOther(URI.create(payment.checkoutUrl())).build();
        } catch (DomainException refused) {
            return pages.refused(refused, error -> payPage(id, error));
        }
    }

    @GET
    @Path("{id}/return")
    public TemplateInstance back(@PathParam("place") String place, @PathParam("id") UUID id) {
        SaleOrder order = orders.visible(actor(), id);
        List<OrderPayment> payments = orders.payments(id);
        OrderPayment last = payments.isEmpty() ? null : payments.get(payments.size() - 1);
        if (last != null
                && last.providerId() != null
                && !last.paid()
                && !last.status().finalFailure()) {
            try {
                last = checkout.webhook(last.providerId());
            } catch (DomainException e) {
                LOG.debugf("Return page of %s: %s", id, e.code());
            }
            order = orders.find(id);
        }
        String outcome =
                order.status().paid() ? "paid" : last != null && last.status().finalFailure() ? "failed" : "pending";
        return pages.page(returnTemplate)
                .data("order", order)
                .data("amount", amount(order))
                .data("outcome", outcome);
    }

    private TemplateInstance payPage(UUID id, String error) {
        SaleOrder order = orders.visible(actor(), id);
        Instant holdUntil = null;
        if (QuoteSubject.BOOKING.equals(order.subjectType()) && order.status() == OrderStatus.PENDING) {
            var booking = bookings.find(new BookingId(order.subjectId()));
            if (booking.status() == BookingStatus.HELD) {
                holdUntil = booking.holdExpiresAt();
            }
        }
        return pages.page(payTemplate)
                .data("order", order)
                .data("amount", amount(order))
                .data("pending", order.status() == OrderStatus.PENDING)
                .data("quote", QuoteBox.of(orders.quoteOf(order)))
                .data("online", checkout.online())
                .data("payAtDesk", settings.current().payAtDesk())
                .data("mandate", QuoteSubject.SUBSCRIPTION.equals(order.subjectType()))
                .data("holdUntil", holdUntil)
                .data("error", error);
    }

    static String amount(SaleOrder order) {
        return order.amount().rounded().display() + " "
                + order.amount().currency().getCurrencyCode();
    }

    private boolean desk() {
        return caller.has(Role.MANAGER) || caller.has(Role.TREASURER);
    }

    private OrderService.Actor actor() {
        return new OrderService.Actor(caller.requirePerson(), desk());
    }
}
