package org.tierslieux.core.people;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keycloak out of reach while signing in or out through the pages ({@code /login/oidc}, {@code /logout/oidc},
 * which Quarkus handles before any endpoint): instead of the generic 500, the browser goes to
 * {@code /login/unavailable}, which answers 503 {@code identity.unavailable} in the person's language. Once
 * Keycloak is back, the same link works again (Quarkus retries the connection at each request).
 */
@ApplicationScoped
class IdentityOutage {

    static final String PAGE = "/login/unavailable";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (providerUnreachable(context.failure()) && !context.response().headWritten()) {
            context.response()
                    .setStatusCode(303)
                    .putHeader("Location", PAGE)
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        context.next();
    }

    /** Whether the failure is Quarkus OIDC telling that the provider cannot be reached. */
    static boolean providerUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
