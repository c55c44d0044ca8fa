package org.tierslieux.core.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.tierslieux.core.error.DomainException;

/**
 * Before any endpoint that changes something (not GET, HEAD or OPTIONS): the CSRF token of the request (the
 * {@code X-CSRF-TOKEN} header, or else the form's {@code csrf-token} field) must be the one of the browser's
 * {@code tl-csrf} cookie ({@link Csrf}), or the request is refused with 403 {@code request.csrf} (a page, or a
 * problem for other clients) before anything runs.
 *
 * <p>Two kinds of request need no token, since no foreign page can make a browser send them: a JSON body (a
 * cross-site form cannot send one, and the application allows no cross-origin request), and a call to the API
 * ({@code /api/**}) that carries no session cookie: clients with a personal token, OIDC bearer token or Basic
 * credentials, and the payment provider's webhook, none of which has the cookie. (quarkus-rest-csrf does the same
 * double-submit check, but cannot spare those: it refuses any form-encoded post without its cookie, the payment
 * provider's webhook included, and any unsafe request without the cookie once its check is off.)
 */
class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    @WithFormRead
    void checkToken(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || isJson(request.getMediaType())) {
            return;
        }
        String path = routing.normalizedPath();
        if (path != null && path.startsWith("/api/") && !hasSessionCookie(routing)) {
            return;
        }
        String given = request.getHeaderString(Csrf.HEADER);
        if (given == null && isForm(request.getMediaType()) && request.hasEntity()) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(Csrf.FIELD, true, false);
            given = field == null ? null : field.toString();
        }
        if (!Csrf.same(Csrf.cookieToken(routing), given)) {
            throw DomainException.forbidden("request.csrf");
        }
    }

    private boolean hasSessionCookie(RoutingContext routing) {
        for (Cookie cookie : routing.request().cookies()) {
            if (cookie.getName().equals(sessionCookie) || cookie.getName().startsWith("q_session")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static boolean isForm(MediaType type) {
        return type != null
                && (("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype()))
                        || ("multipart".equals(type.getType()) && "form-data".equals(type.getSubtype())));
    }
}
