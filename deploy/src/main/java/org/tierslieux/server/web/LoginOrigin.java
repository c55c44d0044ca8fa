package org.tierslieux.server.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login CSRF: the password form posts to Quarkus' own {@code /j_security_check}, which reads the form before any
 * JAX-RS filter (so quarkus-rest-csrf never sees it, and its {@code csrf-token} field is not checked there). A
 * browser names the page a form comes from in {@code Origin} (or, failing that, {@code Referer}): a sign-in posted
 * from another site is refused with 403, so that no foreign page can sign a visitor into an account of its choice.
 * A client that sends neither (a script, a test) is not a browser that could be tricked, and passes.
 */
@ApplicationScoped
class LoginOrigin {

    static final String FORM_ACTION = "/j_security_check";

    private final String publicOrigin;

    LoginOrigin(@ConfigProperty(name = "tl.public-url") String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    void install(@Observes Router router) {
        // after SecurityHeaders (so the refusal has them), before authentication reads the form
        router.route(HttpMethod.POST, FORM_ACTION)
                .order(Integer.MIN_VALUE + 200)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String from = request.getHeader("Origin");
        if (from == null || from.isBlank()) {
            from = origin(request.getHeader("Referer"));
        } else {
            from = origin(from);
        }
        if (from == null || from.equals(publicOrigin) || from.equals(origin(request.absoluteURI()))) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(403)
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .end("<!doctype html><html lang=\"fr\"><title>403</title><h1>Formulaire refusé · Form refused</h1>"
                        + "<p>Cette connexion vient d'un autre site. <a href=\"/login\">Se connecter</a></p>"
                        + "<p lang=\"en\">This sign-in came from another site. <a href=\"/login\">Sign in</a></p>");
    }

    /** {@code scheme://host[:port]} of an address, lower case; null when there is none ("null" included). */
    static String origin(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(address.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "null".equals(address.trim()) ? "null" : null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1
                    || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                    || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
            return (uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase();
        } catch (IllegalArgumentException malformed) {
            return "null";
        }
    }
}
