package org.tierslieux.core.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** One kind of credit a plan includes each period (row of {@code plan_credit}). */
@Entity
@Table(name = "plan_credit")
class PlanCredit extends TenantOwned {

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;

    @Column(name = "scope_kind", updatable = false)
    private String scopeKind;

    @Column(name = "scope_resource_id", updatable = false)
    private UUID scopeResourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Unit unit;

    @Column(nullable = false, precision = 10, scale = 2, updatable = false)
    private BigDecimal quantity;

    protected PlanCredit() {}

    PlanCredit(UUID planId, IncludedCredit credit) {
        super(UUID.randomUUID());
        this.planId = planId;
        this.scopeKind = credit.scope().kind();
        this.scopeResourceId = credit.scope().resource() == null
                ? null
                : credit.scope().resource().value();
        this.unit = credit.unit();
        this.quantity = credit.quantity();
    }

    UUID planId() {
        return planId;
    }

    IncludedCredit credit() {
        return new IncludedCredit(
                new Scope(scopeKind, scopeResourceId == null ? null : new ResourceId(scopeResourceId)), unit, quantity);
    }
}
