package org.tierslieux.billing.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A saved quote being paid (table {@code sale_order}: {@code order} is an SQL keyword). Its amount is the quote's
 * charged amount, never recomputed. State changes are named and guarded: {@link #markPaid}, {@link #cancel},
 * {@link #expire}, {@link #refunded}.
 */
@io.quarkus.qute.TemplateData
@Entity(name = "SaleOrder")
@Table(name = "sale_order")
public class SaleOrder extends TenantOwned {

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "company_id", updatable = false)
    private UUID companyId;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;

    @Column(name = "quote_id", nullable = false, updatable = false)
    private UUID quoteId;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal refunded;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "invoice_id")
    private UUID invoiceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected SaleOrder() {}

    SaleOrder(
            PersonId person,
            UUID companyId,
            String subjectType,
            UUID subjectId,
            UUID quoteId,
            String description,
            Money amount,
            Instant now) {
        super(UUID.randomUUID());
        this.personId = person.value();
        this.companyId = companyId;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.quoteId = quoteId;
        this.description = description.length() > 500 ? description.substring(0, 500) : description;
        this.amount = amount.amount();
        this.refunded = BigDecimal.ZERO;
        this.currency = amount.currency().getCurrencyCode();
        this.status = OrderStatus.PENDING;
        this.createdAt = now;
    }

    /** PENDING → PAID. Paying twice is refused (the caller checks first where a replay is expected). */
    void markPaid(Instant at) {
        if (status != OrderStatus.PENDING) {
            throw DomainException.conflict("order.not-pending", Map.of("status", status));
        }
        status = OrderStatus.PAID;
        paidAt = at;
    }

    /** Money arrived after it expired or was cancelled: back to PENDING, to be paid (and refunded if need be). */
    void revive() {
        if (status != OrderStatus.EXPIRED && status != OrderStatus.CANCELLED) {
            throw DomainException.conflict("order.not-pending", Map.of("status", status));
        }
        status = OrderStatus.PENDING;
        endedAt = null;
    }

    void cancel(Instant now) {
        requirePending();
        status = OrderStatus.CANCELLED;
        endedAt = now;
    }

    void expire(Instant now) {
        requirePending();
        status = OrderStatus.EXPIRED;
        endedAt = now;
    }

    /** Money went back: PARTIALLY_REFUNDED, or REFUNDED once all of it. */
    void refunded(Money part) {
        if (!status.paid()) {
            throw DomainException.conflict("order.not-paid", Map.of("status", status));
        }
        refunded = refunded.add(part.amount());
        status = refunded.compareTo(amount) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    void invoiced(UUID invoice) {
        if (invoiceId != null) {
            throw DomainException.conflict("order.already-invoiced", Map.of());
        }
        invoiceId = invoice;
    }

    private void requirePending() {
        if (status != OrderStatus.PENDING) {
            throw DomainException.conflict("order.not-pending", Map.of("status", status));
        }
    }

    public UUID id() {
        return uuid();
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public UUID companyId() {
        return companyId;
    }

    public String subjectType() {
        return subjectType;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public String description() {
        return description;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Money refundedAmount() {
        return new Money(refunded, Currency.getInstance(currency));
    }

    public OrderStatus status() {
        return status;
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public boolean free() {
        return amount.signum() == 0;
    }
}
