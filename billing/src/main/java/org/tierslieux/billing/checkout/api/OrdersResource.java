package org.tierslieux.billing.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.checkout.Checkout;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.billing.checkout.PaymentSettings;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.core.credit.api.MoneyJson;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class OrdersResource {

    public record CheckoutRequest(Boolean mandate) {}

    public record CheckoutResponse(UUID paymentId, String providerId, String status, String checkoutUrl) {}

    public record ManualPaymentRequest(
            @NotNull String method, @Size(max = 200) String reference) {}

    public record RefundRequest(
            MoneyJson amount, @Size(max = 500) String reason) {}

    public record SettingsBody(
            @NotNull @Min(5) @Max(10080) Integer holdMinutes, Boolean payAtDesk, Boolean paymentRequired) {}

    private final OrderService orders;
    private final Checkout checkout;
    private final PaymentSettings settings;
    private final PlaceContext placeContext;
    private final Caller caller;

    OrdersResource(
            OrderService orders,
            Checkout checkout,
            PaymentSettings settings,
            PlaceContext placeContext,
            Caller caller) {
        this.orders = orders;
        this.checkout = checkout;
        this.settings = settings;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Orders, newest first",
            description = "Managers and treasurers see every order of the place (or theirs with mine=true), members"
                    + " their own. Filter by status (PENDING, PAID, CANCELLED, EXPIRED, REFUNDED,"
                    + " PARTIALLY_REFUNDED). 422 order.status-invalid.")
    public Paged<OrderViews.OrderResponse> list(
            @PathParam("place") String place,
            @QueryParam("status") String status,
            @QueryParam("mine") @DefaultValue("false") boolean mine,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        OrderStatus wanted = status(status);
        PersonId who = desk() && !mine ? null : caller.requirePerson();
        var zone = placeContext.require().zone();
        var items = orders.list(wanted, who, page, size).stream()
                .map(o -> OrderViews.of(o, null, null, zone))
                .toList();
        return new Paged<>(items, page, size, orders.count(wanted, who));
    }

    @GET
    @Path("{id}")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "One order with its payments and refunds", description = "404 order.not-found.")
    public OrderViews.OrderResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return full(orders.visible(actor(), id));
    }

    @POST
    @Path("{id}/checkout")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Pay a pending order online",
            description = "201 with the provider's checkout URL to send the payer to. mandate=true on a"
                    + " subscription's order makes it the first payment of a SEPA mandate (renewals charge it)."
                    + " 404 order.not-found, 409 order.not-pending, order.free, payment.online-unavailable;"
                    + " 503 payment.provider-unavailable.")
    public Response pay(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false)
                    CheckoutRequest request) {
        boolean mandate = request != null && Boolean.TRUE.equals(request.mandate());
        var payment = checkout.start(actor(), id, mandate);
        return Response.created(URI.create("/api/v1/places/" + place + "/orders/" + id))
                .entity(new CheckoutResponse(
                        payment.id(), payment.providerId(), payment.status().name(), payment.checkoutUrl()))
                .build();
    }

    @POST
    @Path("{id}/payments")
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(
            summary = "Record a payment received at the desk",
            description = "method: CASH, CHEQUE, TRANSFER or CARD_TERMINAL. 201 with the order, PAID and invoiced"
                    + " (against its transfer invoice when one was issued). 422 payment.method-invalid, 409"
                    + " order.not-pending, order.free.")
    public Response record(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull ManualPaymentRequest request) {
        orders.recordManual(id, request.method(), request.reference(), caller.requirePerson());
        return Response.status(201).entity(full(orders.find(id))).build();
    }

    @POST
    @Path("{id}/transfer-invoice")
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(
            summary = "Invoice a pending order now, to be paid by transfer",
            description = "The invoice is due after the place's transfer due days; what was bought is confirmed."
                    + " The transfer is recorded later with POST {id}/payments (no second invoice). 409"
                    + " order.not-pending, order.already-invoiced, order.free.")
    public OrderViews.OrderResponse transferInvoice(@PathParam("place") String place, @PathParam("id") UUID id) {
        orders.invoiceForTransfer(id);
        return full(orders.find(id));
    }

    @POST
    @Path("{id}/refunds")
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(
            summary = "Refund a paid order, all that is left or an amount",
            description = "201 with the order. Online payments are refunded through the provider (after commit,"
                    + " retried), manual ones recorded; each refund issues a credit note. 422"
                    + " payment.refund-too-large, payment.refund-not-positive, price.amount-invalid; 409"
                    + " order.not-paid.")
    public Response refund(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) @Valid
                    RefundRequest request) {
        var money = request == null || request.amount() == null
                ? null
                : request.amount().toMoney(placeContext.require().currency());
        orders.refund(id, money, request == null ? null : request.reason(), caller.requirePerson());
        return Response.status(201).entity(full(orders.find(id))).build();
    }

    @GET
    @Path("settings")
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(
            summary = "Payment settings: payment required first, the hold of unpaid bookings (minutes), paying at"
                    + " the desk")
    public SettingsBody getSettings(@PathParam("place") String place) {
        var s = settings.current();
        return new SettingsBody(s.holdMinutes(), s.payAtDesk(), s.paymentRequired());
    }

    @PUT
    @Path("settings")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Change the payment settings",
            description = "holdMinutes 5..10080 (422 otherwise); paymentRequired true (default false) holds"
                    + " bookings and keeps subscriptions and packs pending until paid; a field left out keeps its"
                    + " value.")
    public SettingsBody putSettings(@PathParam("place") String place, @Valid @NotNull SettingsBody body) {
        var current = settings.current();
        var s = settings.save(new PaymentSettings.Settings(
                body.holdMinutes(),
                body.payAtDesk() == null ? current.payAtDesk() : body.payAtDesk(),
                body.paymentRequired() == null ? current.paymentRequired() : body.paymentRequired()));
        return new SettingsBody(s.holdMinutes(), s.payAtDesk(), s.paymentRequired());
    }

    private OrderViews.OrderResponse full(SaleOrder order) {
        var zone = placeContext.require().zone();
        return OrderViews.of(
                order,
                orders.payments(order.id()),
                orders.refunds(order.id()).stream()
                        .map(r -> OrderViews.of(r, zone))
                        .toList(),
                zone);
    }

    private boolean desk() {
        return caller.has(Role.MANAGER) || caller.has(Role.TREASURER);
    }

    private OrderService.Actor actor() {
        return new OrderService.Actor(caller.requirePerson(), desk());
    }

    private static OrderStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("order.status-invalid", Map.of("status", status));
        }
    }
}
