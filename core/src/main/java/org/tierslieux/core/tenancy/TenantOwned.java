package org.tierslieux.core.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * What every entity a place owns shares: its id and its {@code tenant_id}, which Hibernate fills from the
 * current place on insert and adds to every query. Its table must also have row-level security (see
 * CONTRIBUTING.md, "How to add a migration").
 */
@MappedSuperclass
public abstract class TenantOwned {

    @Id
    private UUID id;

    @TenantId
    @Convert(converter = TenantColumn.class)
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    protected TenantOwned() {}

    protected TenantOwned(UUID id) {
        this.id = id;
    }

    protected UUID uuid() {
        return id;
    }
}
