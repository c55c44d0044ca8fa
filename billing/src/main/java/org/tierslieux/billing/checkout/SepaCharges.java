package org.tierslieux.billing.checkout;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Renewals of subscriptions with a SEPA mandate: once the renewal (and its order) committed, the mandate is
 * charged (a recurring payment, no checkout); the provider's webhook then says paid (invoice, as any payment) or
 * failed (the subscription goes PAST_DUE). A renewal whose mandate is gone or whose charge cannot be created
 * keeps its order PENDING: the member pays it online or at the desk.
 */
@ApplicationScoped
public class SepaCharges {

    private static final Logger LOG = Logger.getLogger(SepaCharges.class);

    /** A renewal order to charge on the subscription's mandate once committed. */
    public record ChargeDue(UUID order) {}

    record Mandate(String customerId, String mandateId) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PlaceScope scope;
    private final PaymentGateway gateway;
    private final OrderService orders;
    private final Checkout checkout;

    SepaCharges(
            Clock clock,
            PlaceContext placeContext,
            PlaceScope scope,
            PaymentGateway gateway,
            OrderService orders,
            Checkout checkout) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.scope = scope;
        this.gateway = gateway;
        this.orders = orders;
        this.checkout = checkout;
    }

    Optional<Mandate> mandateOf(UUID subscription) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select customer_id, mandate_id from subscription_mandate where subscription_id = :s",
                        Object[].class)
                .setParameter("s", subscription)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Mandate((String) row[0], (String) row[1]));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargeDue due) {
        PlaceRef place = placeContext.require();
        try {
            scope.run(place, () -> charge(due.order()));
        } catch (RuntimeException e) {
            LOG.warnf("Renewal order %s not charged (%s): it stays pending", due.order(), e.toString());
        }
    }

    /** Charges a pending renewal order on its subscription's valid mandate; empty when there is none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OrderPayment> charge(UUID orderId) {
        PlaceRef place = placeContext.require();
        SaleOrder order = orders.locked(orderId);
        if (order.status() != OrderStatus.PENDING || order.free()) {
            return Optional.empty();
        }
        Optional<Mandate> mandate = mandateOf(order.subjectId());
        if (mandate.isEmpty()) {
            return Optional.empty();
        }
        boolean valid;
        try {
            valid = gateway.mandates(place, mandate.get().customerId()).stream()
                    .anyMatch(m -> m.valid() && m.id().equals(mandate.get().mandateId()));
        } catch (DomainException e) {
            LOG.warnf("Mandates of %s not readable: %s", mandate.get().customerId(), e.code());
            return Optional.empty();
        }
        if (!valid) {
            return Optional.empty();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("place", place.slug());
        metadata.put("order", order.id().toString());
        PaymentGateway.Payment created = gateway.charge(
                place,
                new PaymentGateway.RecurringRequest(
                        order.amount(),
                        order.description(),
                        checkout.webhookUrl(place),
                        metadata,
                        mandate.get().customerId(),
                        mandate.get().mandateId()));
        OrderPayment payment =
                OrderPayment.recurring(order, created, mandate.get().mandateId(), clock.instant());
        Panache.getEntityManager().persist(payment);
        if (created.status() == PaymentGateway.Status.PAID && payment.follow(created, clock.instant())) {
            orders.settle(order, payment);
        }
        return Optional.of(payment);
    }
}
