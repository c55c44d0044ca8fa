package org.tierslieux.core.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/** A quote as it was shown, stored for billing. Never changed: a new quote of the same subject supersedes it. */
@Entity
@Table(name = "quote")
class StoredQuote extends TenantOwned {

    @Column(name = "subject_type", nullable = false, updatable = false)
    String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    UUID subjectId;

    @Column(name = "person_id", nullable = false, updatable = false)
    UUID personId;

    @Column(name = "company_id", updatable = false)
    UUID companyId;

    @Column(name = "bill_to_name", nullable = false, updatable = false)
    String billToName;

    @Column(nullable = false, updatable = false)
    String currency;

    @Column(name = "total_excl_vat", nullable = false, updatable = false)
    BigDecimal totalExclVat;

    @Column(name = "total_vat", nullable = false, updatable = false)
    BigDecimal totalVat;

    @Column(name = "total_incl_vat", nullable = false, updatable = false)
    BigDecimal totalInclVat;

    @Column(nullable = false, updatable = false)
    BigDecimal charged;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    protected StoredQuote() {}

    StoredQuote(UUID id) {
        super(id);
    }

    UUID id() {
        return uuid();
    }
}
