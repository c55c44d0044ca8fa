/**
 * Tenancy, enforced twice. The ORM filters every tenant entity by its {@code @TenantId} (Hibernate's
 * discriminator multi-tenancy, fed by {@link org.tierslieux.core.tenancy.PlaceTenantResolver}); PostgreSQL's
 * row-level security filters every tenant table again by {@code app.place_id}, which {@link
 * org.tierslieux.core.tenancy.PlaceConnectionInterceptor} sets on each connection the pool hands out. With
 * no place set, both layers match no row.
 */
package org.tierslieux.core.tenancy;
