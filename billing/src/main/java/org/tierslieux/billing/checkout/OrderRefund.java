package org.tierslieux.billing.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * Money given back on a payment. Online: TO_SEND in the transaction that decides it (with its credit note), then
 * SENT once the provider accepted it (after commit, retried by a job), or FAILED after too many refusals.
 * Manual: RECORDED (the desk gave the money back).
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "refund")
public class OrderRefund extends TenantOwned {

    static final int MAX_ATTEMPTS = 5;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private UUID paymentId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false)
    private String status;

    @Column(name = "provider_refund_id")
    private String providerRefundId;

    @Column(name = "credit_note_id")
    private UUID creditNoteId;

    private String reason;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Version
    private long version;

    protected OrderRefund() {}

    OrderRefund(OrderPayment payment, Money amount, String reason, UUID by, Instant now) {
        super(UUID.randomUUID());
        this.paymentId = payment.id();
        this.orderId = payment.orderId();
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.status = payment.manual() ? "RECORDED" : "TO_SEND";
        this.reason = reason == null ? null : (reason.length() > 500 ? reason.substring(0, 500) : reason);
        this.createdBy = by;
        this.createdAt = now;
    }

    void creditNote(UUID document) {
        this.creditNoteId = document;
    }

    void sent(String providerId) {
        status = "SENT";
        providerRefundId = providerId;
        lastError = null;
    }

    void failedOnce(String error) {
        attempts++;
        lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
        if (attempts >= MAX_ATTEMPTS) {
            status = "FAILED";
        }
    }

    public UUID id() {
        return uuid();
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID orderId() {
        return orderId;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public String status() {
        return status;
    }

    public boolean toSend() {
        return "TO_SEND".equals(status);
    }

    public String providerRefundId() {
        return providerRefundId;
    }

    public UUID creditNoteId() {
        return creditNoteId;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }
}
