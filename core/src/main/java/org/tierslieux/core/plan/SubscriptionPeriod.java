package org.tierslieux.core.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * One period a subscription ran or runs, with what it costs: START (the first, often partial), RENEWAL, CHANGE
 * (the rest of a period on a new plan). Unique per subscription and start, which makes renewing twice a no-op.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "subscription_period")
public class SubscriptionPeriod extends TenantOwned {

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private UUID subscriptionId;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "period_start", nullable = false, updatable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private Instant periodEnd;

    @Column(name = "quote_id")
    private UUID quoteId;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal price;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SubscriptionPeriod() {}

    SubscriptionPeriod(UUID subscriptionId, UUID planId, String kind, TimeRange period, Money price, Instant now) {
        super(UUID.randomUUID());
        this.subscriptionId = subscriptionId;
        this.planId = planId;
        this.kind = kind;
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.price = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.createdAt = now;
    }

    void quoted(UUID quote) {
        this.quoteId = quote;
    }

    public UUID id() {
        return uuid();
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public UUID planId() {
        return planId;
    }

    public String kind() {
        return kind;
    }

    public TimeRange period() {
        return new TimeRange(periodStart, periodEnd);
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public Money price() {
        return new Money(price, Currency.getInstance(currency));
    }
}
