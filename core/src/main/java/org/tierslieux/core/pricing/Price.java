package org.tierslieux.core.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tierslieux.core.membership.GroupId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * One entry of a place's price list: the price of one unit of a resource (or of every resource of a kind),
 * for a member group and a plan (null: any), from a local day to another (included; null: open). The amount
 * is as the place enters it, VAT included or not by the place's setting.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "price")
public class Price extends TenantOwned {

    @Column(name = "resource_id")
    private UUID resourceId;

    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Unit unit;

    @Column(name = "group_id")
    private UUID groupId;

    @Column(name = "plan_id")
    private UUID planId;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "vat_rate", nullable = false)
    private String vatRate;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Price() {}

    Price(PriceList.Entry entry, Instant createdAt) {
        super(UUID.randomUUID());
        this.createdAt = createdAt;
        set(entry);
    }

    void set(PriceList.Entry e) {
        this.resourceId =
                e.scope().resource() == null ? null : e.scope().resource().value();
        this.kind = e.scope().kind();
        this.unit = e.unit();
        this.groupId = e.group() == null ? null : e.group().value();
        this.planId = e.planId();
        this.amount = e.amount();
        this.vatRate = e.vat().code();
        this.validFrom = e.validFrom();
        this.validUntil = e.validUntil();
    }

    public UUID id() {
        return uuid();
    }

    public Scope scope() {
        return resourceId != null ? Scope.ofResource(new ResourceId(resourceId)) : Scope.ofKind(kind);
    }

    public Unit unit() {
        return unit;
    }

    public GroupId group() {
        return groupId == null ? null : new GroupId(groupId);
    }

    public UUID planId() {
        return planId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public VatRate vat() {
        return VatRate.of(vatRate);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    PriceRule rule() {
        return new PriceRule(
                uuid(),
                resourceId != null,
                unit,
                groupId != null,
                planId != null,
                amount,
                vat(),
                validFrom,
                validUntil);
    }
}
