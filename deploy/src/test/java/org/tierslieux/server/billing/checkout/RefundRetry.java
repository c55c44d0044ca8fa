package org.tierslieux.server.billing.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.billing.checkout.RefundSender;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;

/** Runs the refund retry job of one place now, as the scheduler would. */
@ApplicationScoped
public class RefundRetry {

    private final RefundSender sender;
    private final PlaceDirectory places;
    private final PlaceScope scope;

    RefundRetry(RefundSender sender, PlaceDirectory places, PlaceScope scope) {
        this.sender = sender;
        this.places = places;
        this.scope = scope;
    }

    int retryIn(String slug) {
        return scope.call(places.bySlug(slug).orElseThrow(), sender::retryHere);
    }
}
