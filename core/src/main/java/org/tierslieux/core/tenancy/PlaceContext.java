package org.tierslieux.core.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceRef;

/**
 * The place the current request (or unit of background work) acts in. Set once, from the path or by {@link
 * PlaceScope}; never switched during a request, since the ORM session has already taken its tenant.
 */
@RequestScoped
public class PlaceContext {

    private PlaceRef place;

    public void enter(PlaceRef place) {
        if (this.place != null && !this.place.id().equals(place.id())) {
            throw new IllegalStateException(
                    "A request acts in one place only: " + this.place.slug() + " then " + place.slug());
        }
        this.place = place;
    }

    public Optional<PlaceRef> current() {
        return Optional.ofNullable(place);
    }

    /** The current place, for code that only runs under a place path. */
    public PlaceRef require() {
        if (place == null) {
            throw DomainException.notFound("place.not-found", java.util.Map.of("place", ""));
        }
        return place;
    }
}
