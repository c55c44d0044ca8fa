package org.tierslieux.core.credit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A prepaid product: a carnet of credits (10 desk-days valid 6 months) or a day pass (one desk-day). Its terms
 * never change once sold; a manager archives it and creates another.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "pack")
public class Pack extends TenantOwned {

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "scope_kind")
    private String scopeKind;

    @Column(name = "scope_resource_id")
    private UUID scopeResourceId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Unit unit;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal quantity;

    @Column(name = "validity_days")
    private Integer validityDays;

    @Column(name = "validity_months")
    private Integer validityMonths;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "vat_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal vatPercent;

    @Column(name = "day_pass", nullable = false)
    private boolean dayPass;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Pack() {}

    Pack(PackTerms terms, Currency currency, Instant now) {
        super(UUID.randomUUID());
        this.name = terms.name();
        this.description = terms.description();
        this.scopeKind = terms.scope().kind();
        this.scopeResourceId = terms.scope().resource() == null
                ? null
                : terms.scope().resource().value();
        this.unit = terms.unit();
        this.quantity = terms.quantity();
        this.validityDays = terms.validityDays();
        this.validityMonths = terms.validityMonths();
        this.price = terms.price().amount();
        this.currency = currency.getCurrencyCode();
        this.vatPercent = terms.vat().percent();
        this.dayPass = terms.dayPass();
        this.status = "ACTIVE";
        this.createdAt = now;
    }

    void archive() {
        if (!active()) {
            throw DomainException.conflict("pack.already-archived", Map.of("name", name));
        }
        status = "ARCHIVED";
    }

    /** When credits bought at {@code at} stop being usable: so many days or calendar months later, local time. */
    public Instant expiryFrom(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return (validityDays != null ? local.plusDays(validityDays) : local.plusMonths(validityMonths)).toInstant();
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

    public Scope scope() {
        return new Scope(scopeKind, scopeResourceId == null ? null : new ResourceId(scopeResourceId));
    }

    public Unit unit() {
        return unit;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Integer validityDays() {
        return validityDays;
    }

    public Integer validityMonths() {
        return validityMonths;
    }

    public Money price() {
        return new Money(price, Currency.getInstance(currency));
    }

    public VatRate vat() {
        return new VatRate(vatPercent);
    }

    public boolean dayPass() {
        return dayPass;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public String status() {
        return status;
    }
}
