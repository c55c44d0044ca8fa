package org.tierslieux.core.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/** One line of a stored quote, with its amounts as shown. */
@Entity
@Table(name = "quote_line")
class StoredQuoteLine extends TenantOwned {

    @Column(name = "quote_id", nullable = false, updatable = false)
    UUID quoteId;

    @Column(nullable = false, updatable = false)
    int position;

    @Column(nullable = false, updatable = false)
    String description;

    @Column(nullable = false, updatable = false)
    BigDecimal quantity;

    @Column(nullable = false, updatable = false)
    String unit;

    @Column(name = "unit_price_excl_vat", nullable = false, updatable = false)
    BigDecimal unitPriceExclVat;

    @Column(name = "vat_rate", nullable = false, updatable = false)
    String vatRate;

    @Column(name = "total_excl_vat", nullable = false, updatable = false)
    BigDecimal totalExclVat;

    @Column(name = "total_vat", nullable = false, updatable = false)
    BigDecimal totalVat;

    @Column(name = "total_incl_vat", nullable = false, updatable = false)
    BigDecimal totalInclVat;

    @Column(name = "coverage_lot_id", updatable = false)
    UUID coverageLotId;

    @Column(name = "coverage_source", updatable = false)
    String coverageSource;

    @Column(name = "coverage_label", updatable = false)
    String coverageLabel;

    protected StoredQuoteLine() {}

    StoredQuoteLine(UUID id) {
        super(id);
    }
}
