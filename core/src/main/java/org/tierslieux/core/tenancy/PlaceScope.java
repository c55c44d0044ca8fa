package org.tierslieux.core.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.tierslieux.core.place.PlaceRef;

/**
 * Runs background work (demo data, scheduled runs, imports) in one place, as a request to that place would:
 * a fresh request context, so a fresh ORM session whose tenant is the place. A context already active (as
 * during start-up) is set aside meanwhile and restored after.
 */
@ApplicationScoped
public class PlaceScope {

    public <T> T call(PlaceRef place, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        // set aside the caller's context (start-up runs inside one), so the place gets a session of its own
        InjectableContext.ContextState outer = requestContext.isActive() ? requestContext.getState() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            Arc.container().instance(PlaceContext.class).get().enter(place);
            return work.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }

    public void run(PlaceRef place, Runnable work) {
        call(place, () -> {
            work.run();
            return null;
        });
    }
}
