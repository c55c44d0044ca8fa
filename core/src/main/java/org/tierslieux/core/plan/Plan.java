package org.tierslieux.core.plan;

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
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A plan a place offers. Its terms do not change once members subscribed (they were quoted on them): a manager
 * archives it ({@link #archive}) and offers another; current subscriptions keep running on it.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "plan")
public class Plan extends TenantOwned {

    @Column(nullable = false)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanPeriod period;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "vat_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal vatPercent;

    @Column(name = "commitment_periods", nullable = false)
    private int commitmentPeriods;

    @Column(name = "carry_over", nullable = false)
    private boolean carryOver;

    @Column(name = "extras_discount_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal extrasDiscountPercent;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Plan() {}

    Plan(PlanDraft draft, Currency currency, Instant now) {
        super(UUID.randomUUID());
        this.name = draft.name();
        this.description = draft.description();
        this.period = draft.period();
        this.price = draft.price().amount();
        this.currency = currency.getCurrencyCode();
        this.vatPercent = draft.vat().percent();
        this.commitmentPeriods = draft.commitmentPeriods();
        this.carryOver = draft.carryOver();
        this.extrasDiscountPercent = draft.extrasDiscountPercent();
        this.status = "ACTIVE";
        this.createdAt = now;
    }

    void archive() {
        if (!active()) {
            throw DomainException.conflict("plan.already-archived", Map.of("name", name));
        }
        status = "ARCHIVED";
    }

    void restore() {
        if (active()) {
            throw DomainException.conflict("plan.not-archived", Map.of("name", name));
        }
        status = "ACTIVE";
    }

    public UUID id() {
        return uuid();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public PlanPeriod period() {
        return period;
    }

    public Money price() {
        return new Money(price, Currency.getInstance(currency));
    }

    public VatRate vat() {
        return new VatRate(vatPercent);
    }

    public int commitmentPeriods() {
        return commitmentPeriods;
    }

    public boolean carryOver() {
        return carryOver;
    }

    public BigDecimal extrasDiscountPercent() {
        return extrasDiscountPercent;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public String status() {
        return status;
    }
}
