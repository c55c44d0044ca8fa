package org.tierslieux.billing.checkout;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Online payment of an order: creating the provider's payment (the payer is sent to its checkout), and the
 * webhook, which carries only an id. The webhook trusts nothing it is sent: it fetches the payment with the
 * place's own key, finds our payment row by that id in the place of the URL (another place's id or a made-up
 * one: 404, nothing changed), refuses an amount that is not the order's (409, logged, nothing changed), and
 * moves the payment forward only (a paid payment never goes back; a replay, a late or out-of-order call changes
 * nothing). The row is locked, so two deliveries of the same "paid" settle the order once.
 */
@ApplicationScoped
public class Checkout {

    private static final Logger LOG = Logger.getLogger(Checkout.class);

    /** Mollie ids look like {@code tr_WDqYK6vllg}; anything else is not even looked up. */
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_]{3,60}");

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PaymentGateway gateway;
    private final OrderService orders;
    private final PersonDirectory people;
    private final SubscriptionService subscriptions;
    private final String baseUrl;

    Checkout(
            Clock clock,
            PlaceContext placeContext,
            PaymentGateway gateway,
            OrderService orders,
            PersonDirectory people,
            SubscriptionService subscriptions,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.gateway = gateway;
        this.orders = orders;
        this.people = people;
        this.subscriptions = subscriptions;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Whether the place can take online payments (it has a provider account). */
    public boolean online() {
        return gateway.configured(placeContext.require());
    }

    /**
     * Starts an online payment of a pending order and returns it (its checkout URL). With {@code mandate} (a
     * subscription), the payment is the customer's first one: paying it creates the SEPA mandate that renewals
     * charge.
     */
    @Transactional
    public OrderPayment start(OrderService.Actor actor, UUID orderId, boolean mandate) {
        PlaceRef place = placeContext.require();
        orders.visible(actor, orderId);
        SaleOrder order = orders.locked(orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw DomainException.conflict("order.not-pending", Map.of("status", order.status()));
        }
        if (order.free()) {
            throw DomainException.conflict("order.free", Map.of());
        }
        if (!gateway.configured(place)) {
            throw DomainException.conflict("payment.online-unavailable", Map.of());
        }
        boolean first = mandate && QuoteSubject.SUBSCRIPTION.equals(order.subjectType());
        String customer = first ? customerOf(order) : null;
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("place", place.slug());
        metadata.put("order", order.id().toString());
        PaymentGateway.Payment created = gateway.create(
                place,
                new PaymentGateway.PaymentRequest(
                        order.amount(),
                        order.description(),
                        baseUrl + "/" + place.slug() + "/checkout/" + order.id() + "/return",
                        webhookUrl(place),
                        metadata,
                        first ? "directdebit" : null,
                        customer,
                        first ? PaymentGateway.Sequence.FIRST : PaymentGateway.Sequence.ONEOFF));
        OrderPayment payment =
                OrderPayment.online(order, created, first ? "FIRST" : "ONEOFF", customer, clock.instant());
        em().persist(payment);
        em().flush();
        return payment;
    }

    String webhookUrl(PlaceRef place) {
        return baseUrl + "/api/v1/webhooks/mollie/" + place.slug();
    }

    /** The member's customer at the provider, made once per member and place. */
    private String customerOf(SaleOrder order) {
        List<?> known = em().createNativeQuery("select customer_id from payment_customer where person_id = :p")
                .setParameter("p", order.person().value())
                .getResultList();
        if (!known.isEmpty()) {
            return (String) known.get(0);
        }
        var contact = people.contact(order.person()).orElseThrow();
        String customer = gateway.createCustomer(placeContext.require(), contact.displayName(), contact.email());
        em().createNativeQuery("insert into payment_customer (tenant_id, person_id, customer_id, created_at)"
                        + " values (current_place_id(), :p, :c, :at) on conflict do nothing")
                .setParameter("p", order.person().value())
                .setParameter("c", customer)
                .setParameter("at", clock.instant())
                .executeUpdate();
        return customer;
    }

    /**
     * A webhook call: what the provider says now about payment {@code providerId}. Returns our payment as it
     * stands after the call.
     */
    @Transactional
    public OrderPayment webhook(String providerId) {
        PlaceRef place = placeContext.require();
        if (providerId == null || !PROVIDER_ID.matcher(providerId).matches()) {
            throw DomainException.notFound("payment.not-found", Map.of("id", "?"));
        }
        OrderPayment payment = em().createQuery("from OrderPayment p where p.providerId = :id", OrderPayment.class)
                .setParameter("id", providerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("payment.not-found", Map.of("id", providerId)));
        Optional<PaymentGateway.Payment> fetched = gateway.fetch(place, providerId);
        if (fetched.isEmpty()) {
            throw DomainException.notFound("payment.not-found", Map.of("id", providerId));
        }
        PaymentGateway.Payment seen = fetched.get();
        SaleOrder order = orders.locked(payment.orderId());
        if (!seen.amount().rounded().equals(order.amount().rounded())
                || !seen.amount().currency().equals(order.amount().currency())) {
            LOG.warnf(
                    "Webhook at %s: payment %s says %s, order %s is %s: refused, nothing changed",
                    place.slug(), providerId, seen.amount(), order.id(), order.amount());
            throw DomainException.conflict(
                    "payment.amount-mismatch",
                    Map.of(
                            "paid",
                            seen.amount().display(),
                            "due",
                            order.amount().display()));
        }
        Instant now = clock.instant();
        boolean becamePaid = payment.follow(seen, now);
        if (becamePaid) {
            if ("FIRST".equals(payment.sequence()) && payment.mandateId() != null) {
                rememberMandate(order, payment);
            }
            orders.settle(order, payment);
        } else if (payment.status().finalFailure()
                && OrderPayment.RECURRING.equals(payment.channel())
                && QuoteSubject.SUBSCRIPTION.equals(order.subjectType())) {
            SubscriptionStatus status = subscriptions.find(order.subjectId()).status();
            if (status == SubscriptionStatus.ACTIVE) {
                subscriptions.markPastDue(order.subjectId());
            }
        }
        em().flush();
        return payment;
    }

    private void rememberMandate(SaleOrder order, OrderPayment payment) {
        em().createNativeQuery("insert into subscription_mandate"
                        + " (tenant_id, subscription_id, customer_id, mandate_id, created_at)"
                        + " values (current_place_id(), :s, :c, :m, :at) on conflict (tenant_id, subscription_id)"
                        + " do update set customer_id = excluded.customer_id, mandate_id = excluded.mandate_id")
                .setParameter("s", order.subjectId())
                .setParameter("c", payment.customerId())
                .setParameter("m", payment.mandateId())
                .setParameter("at", clock.instant())
                .executeUpdate();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
