package org.tierslieux.core.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds Hibernate's discriminator multi-tenancy. Without a place, the tenant is the nil UUID, which owns no
 * row: a query made outside a place finds nothing instead of everything.
 */
@PersistenceUnitExtension
@ApplicationScoped
class PlaceTenantResolver implements TenantResolver {

    static final String NO_PLACE = "00000000-0000-0000-0000-000000000000";

    @Override
    public String getDefaultTenantId() {
        return NO_PLACE;
    }

    @Override
    public String resolveTenantId() {
        return currentPlaceId();
    }

    static String currentPlaceId() {
        if (!Arc.container().requestContext().isActive()) {
            return NO_PLACE;
        }
        return Arc.container()
                .instance(PlaceContext.class)
                .get()
                .current()
                .map(place -> place.id().toString())
                .orElse(NO_PLACE);
    }
}
