package org.tierslieux.server.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser security headers, on every response: pages, the API, static files, errors, redirects and the
 * answers of the login form. They are written when the response's headers go out ({@code addHeadersEndHandler}),
 * so that no handler that ends a response early (an authentication challenge, a 404 of a static file) skips
 * them. Quarkus' {@code quarkus.http.header.*} can add fixed headers, but not leave HSTS out until an operator
 * turns it on, nor spare Swagger UI (whose page has inline scripts) the Content-Security-Policy.
 */
@ApplicationScoped
class SecurityHeaders {

    /** The headers, under {@code tl.security.headers}; every key is in docs/configuration.md. */
    @ConfigMapping(prefix = "tl.security.headers")
    interface Settings {

        /**
         * No inline script, style or handler anywhere; map tiles from OpenStreetMap; the pages may not be framed.
         * Pico's icons are data: images in its style sheet.
         */
        @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + " https://*.tile.openstreetmap.org; font-src 'self'; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("same-origin")
        String referrerPolicy();

        /** Strict-Transport-Security: sent only when a duration is given (HTTPS deployments). */
        Optional<Duration> hstsMaxAge();

        @WithDefault("true")
        boolean hstsIncludeSubdomains();
    }

    /** Cookies, under {@code tl.security.cookies}. */
    @ConfigMapping(prefix = "tl.security.cookies")
    interface CookieSettings {
        /**
         * Marks every cookie the application sets {@code Secure}. Unset: on when {@code tl.public-url} is an
         * https address (production behind TLS), off for a plain-http demo on a laptop.
         */
        Optional<Boolean> secure();
    }

    /** Swagger UI is Quarkus' own page and runs inline scripts: it gets every header but the CSP. */
    private static final String SWAGGER_UI = "/q/swagger-ui";

    private final Settings settings;
    private final String hsts;
    private final boolean secureCookies;

    SecurityHeaders(
            Settings settings,
            CookieSettings cookies,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tl.public-url") String publicUrl) {
        this.settings = settings;
        this.secureCookies = cookies.secure().orElse(publicUrl.startsWith("https://"));
        this.hsts = settings.hstsMaxAge()
                .map(age ->
                        "max-age=" + age.toSeconds() + (settings.hstsIncludeSubdomains() ? "; includeSubDomains" : ""))
                .orElse(null);
    }

    void install(@Observes Router router) {
        // first of all routes, before authentication and the static files
        router.route().order(Integer.MIN_VALUE + 100).handler(this::onEveryRequest);
    }

    private void onEveryRequest(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            write(context.normalizedPath(), context.response().headers());
            if (secureCookies) {
                secure(context);
            }
        });
        context.next();
    }

    /**
     * The session cookie of the form login (and the other cookies Vert.x writes after this handler) are the
     * request's cookies marked changed; the JAX-RS answers' cookies are already Set-Cookie headers.
     */
    private static void secure(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie instanceof ServerCookie server && server.isChanged()) {
                cookie.setSecure(true);
            }
        }
        MultiMap headers = context.response().headers();
        List<String> written = headers.getAll(HttpHeaders.SET_COOKIE);
        if (written.stream().anyMatch(c -> !SECURE.matcher(c).find())) {
            headers.remove(HttpHeaders.SET_COOKIE);
            for (String cookie : written) {
                headers.add(HttpHeaders.SET_COOKIE, SECURE.matcher(cookie).find() ? cookie : cookie + "; Secure");
            }
        }
    }

    private static final Pattern SECURE = Pattern.compile(";\\s*secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

    void write(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", settings.referrerPolicy());
        if (path == null || !path.startsWith(SWAGGER_UI)) {
            headers.set("Content-Security-Policy", settings.contentSecurityPolicy());
        }
        if (hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        }
    }
}
