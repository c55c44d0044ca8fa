package org.tierslieux.billing.checkout.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Pages;

/** The desk's orders: pending and paid, record a payment received, invoice for a transfer, refund. */
@Path("/{place}/manage/orders")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace({Role.MANAGER, Role.TREASURER})
public class ManageOrdersPages {

    @TemplateData
    public record Line(
            SaleOrder order,
            String member,
            String amount,
            String refunded,
            String created,
            boolean pending,
            boolean refundable) {}

    private final OrderService orders;
    private final PersonDirectory people;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Pages pages;
    private final Template list;

    ManageOrdersPages(
            OrderService orders,
            PersonDirectory people,
            PlaceContext placeContext,
            Caller caller,
            Pages pages,
            @Location("billing/manage-orders.html") Template list) {
        this.orders = orders;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
        this.pages = pages;
        this.list = list;
    }

    @GET
    public TemplateInstance list(
            @PathParam("place") String place, @QueryParam("status") String status, @QueryParam("done") String done) {
        return page(status, null).data("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
    }

    @POST
    @Path("{id}/payments")
    public Response record(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @FormParam("method") String method,
            @FormParam("reference") String reference) {
        try {
            orders.recordManual(id, method, reference, caller.requirePerson());
            return Pages.redirect("/" + place + "/manage/orders?done=recorded");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(null, error));
        }
    }

    @POST
    @Path("{id}/transfer-invoice")
    public Response transferInvoice(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            orders.invoiceForTransfer(id);
            return Pages.redirect("/" + place + "/manage/orders?done=invoiced");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(null, error));
        }
    }

    @POST
    @Path("{id}/refunds")
    public Response refund(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @FormParam("amount") String amount,
            @FormParam("reason") String reason) {
        try {
            Money money = null;
            if (amount != null && !amount.isBlank()) {
                try {
                    money = new Money(
                            new BigDecimal(amount.strip().replace(',', '.')),
                            placeContext.require().currency());
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("price.amount-invalid", Map.of());
                }
            }
            orders.refund(id, money, reason, caller.requirePerson());
            return Pages.redirect("/" + place + "/manage/orders?done=refunded");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(null, error));
        }
    }

    private TemplateInstance page(String status, String error) {
        OrderStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wanted = null;
            }
        }
        var zone = placeContext.require().zone();
        List<Line> lines = orders.list(wanted, null, 0, 200).stream()
                .map(o -> new Line(
                        o,
                        people.contact(o.person()).map(c -> c.displayName()).orElse("?"),
                        CheckoutPages.amount(o),
                        o.refundedAmount().isZero()
                                ? null
                                : o.refundedAmount().rounded().display(),
                        o.createdAt().atZone(zone).toLocalDate().toString(),
                        o.status() == OrderStatus.PENDING && !o.free(),
                        (o.status() == OrderStatus.PAID || o.status() == OrderStatus.PARTIALLY_REFUNDED) && !o.free()))
                .toList();
        return pages.page(list)
                .data("lines", lines)
                .data("status", wanted == null ? "" : wanted.name())
                .data(
                        "statuses",
                        java.util.Arrays.stream(OrderStatus.values())
                                .map(Enum::name)
                                .toList())
                .data("methods", List.copyOf(new java.util.TreeSet<>(OrderService.MANUAL_METHODS)))
                .data("error", error)
                .data("done", null);
    }
}
