package org.tierslieux.core.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/** A place's pricing choices: whether its prices are entered VAT included (the default) or excluded. */
@Entity
@Table(name = "pricing_settings")
class PricingSettings extends TenantOwned {

    @Column(name = "prices_include_vat", nullable = false)
    private boolean pricesIncludeVat;

    @Version
    private long version;

    protected PricingSettings() {}

    PricingSettings(boolean pricesIncludeVat) {
        super(UUID.randomUUID());
        this.pricesIncludeVat = pricesIncludeVat;
    }

    boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    void pricesIncludeVat(boolean include) {
        this.pricesIncludeVat = include;
    }
}
