package org.tierslieux.billing.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * One attempt to pay an order: online (the provider's payment {@code providerId}), a recurring SEPA charge, or
 * recorded by the desk (MANUAL, with its method). Its status follows the provider's, with one rule that makes
 * webhooks safe to replay in any order: a PAID payment never goes back (a stale "open" after "paid" is ignored),
 * and a final failure is never revived by an older "open".
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "payment")
public class OrderPayment extends TenantOwned {

    public static final String ONLINE = "ONLINE";
    public static final String RECURRING = "RECURRING";
    public static final String MANUAL = "MANUAL";

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(nullable = false, updatable = false)
    private String channel;

    private String method;

    @Column(name = "provider_id")
    private String providerId;

    private String sequence;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal refunded;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "checkout_url")
    private String checkoutUrl;

    private String reference;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "mandate_id")
    private String mandateId;

    @Column(name = "recorded_by")
    private UUID recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Version
    private long version;

    protected OrderPayment() {}

    private OrderPayment(UUID orderId, String channel, Money amount, Instant now) {
        super(UUID.randomUUID());
        this.orderId = orderId;
        this.channel = channel;
        this.amount = amount.amount();
        this.refunded = BigDecimal.ZERO;
        this.currency = amount.currency().getCurrencyCode();
        this.createdAt = now;
    }

    static OrderPayment online(
            SaleOrder order, PaymentGateway.Payment created, String sequence, String customer, Instant now) {
        OrderPayment p = new OrderPayment(order.id(), ONLINE, order.amount(), now);
        p.providerId = created.id();
        p.status = created.status().name();
        p.checkoutUrl = created.checkoutUrl();
        p.method = created.method();
        p.sequence = sequence;
        p.customerId = created.customerId() != null ? created.customerId() : customer;
        return p;
    }

    static OrderPayment recurring(SaleOrder order, PaymentGateway.Payment created, String mandate, Instant now) {
        OrderPayment p = new OrderPayment(order.id(), RECURRING, order.amount(), now);
        p.providerId = created.id();
        // already paid at creation (never with SEPA, but then follow() settles it like a webhook would)
        p.status = created.status() == PaymentGateway.Status.PAID
                ? "PENDING"
                : created.status().name();
        p.method = created.method() == null ? "directdebit" : created.method();
        p.sequence = "RECURRING";
        p.customerId = created.customerId();
        p.mandateId = mandate;
        return p;
    }

    static OrderPayment manual(SaleOrder order, String method, String reference, UUID by, Instant now) {
        OrderPayment p = new OrderPayment(order.id(), MANUAL, order.amount(), now);
        p.status = PaymentGateway.Status.PAID.name();
        p.method = method;
        p.reference = reference;
        p.recordedBy = by;
        p.paidAt = now;
        return p;
    }

    /**
     * Takes the provider's view. Returns true when this call made it PAID (the one moment to settle the order).
     * PAID is final here; a final failure only gives way to PAID (a provider never does that, but money wins).
     */
    boolean follow(PaymentGateway.Payment seen, Instant now) {
        PaymentGateway.Status current = status();
        PaymentGateway.Status next = seen.status();
        if (current == PaymentGateway.Status.PAID || current == next) {
            return false;
        }
        if (current.finalFailure() && next != PaymentGateway.Status.PAID) {
            return false;
        }
        status = next.name();
        if (seen.method() != null) {
            method = seen.method();
        }
        if (seen.mandateId() != null) {
            mandateId = seen.mandateId();
        }
        if (next == PaymentGateway.Status.PAID) {
            paidAt = seen.paidAt() != null ? seen.paidAt() : now;
            checkoutUrl = null;
            return true;
        }
        return false;
    }

    void refunded(Money part) {
        refunded = refunded.add(part.amount());
    }

    public UUID id() {
        return uuid();
    }

    public UUID orderId() {
        return orderId;
    }

    public String channel() {
        return channel;
    }

    public boolean manual() {
        return MANUAL.equals(channel);
    }

    public String method() {
        return method;
    }

    public String providerId() {
        return providerId;
    }

    public String sequence() {
        return sequence;
    }

    public PaymentGateway.Status status() {
        return PaymentGateway.Status.valueOf(status);
    }

    public boolean paid() {
        return status() == PaymentGateway.Status.PAID;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Money refundedAmount() {
        return new Money(refunded, Currency.getInstance(currency));
    }

    public String checkoutUrl() {
        return checkoutUrl;
    }

    public String reference() {
        return reference;
    }

    public String customerId() {
        return customerId;
    }

    public String mandateId() {
        return mandateId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
