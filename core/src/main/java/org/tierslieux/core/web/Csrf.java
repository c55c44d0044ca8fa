package org.tierslieux.core.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF tokens, the double-submit way: each browser gets a random token in the {@code tl-csrf} cookie (HttpOnly,
 * SameSite=Lax, for the browser's session), every form of the pages repeats it in its {@code csrf-token} field
 * ({@code {#csrf/}}, which writes {@code {inject:csrf.token}}), htmx requests in the {@code X-CSRF-TOKEN} header (static/app.js, from the layout's
 * {@code <meta name="csrf-token">}), and {@link CsrfFilter} refuses a change whose token does not match the cookie.
 * A foreign site can make a browser post a form, but can neither read the cookie nor set it.
 *
 * <p>This handler runs before every route, so that any page (a 404 of an unknown path included) has the token.
 */
@ApplicationScoped
@Named("csrf")
public class Csrf {

    public static final String COOKIE = "tl-csrf";
    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-TOKEN";

    /** The routing context's key of the request's token. */
    private static final String KEY = "tl.csrf-token";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;

    /** {@code {inject:csrf.token}}: the token of the request being answered (the names of quarkus-rest-csrf's). */
    public String getToken() {
        try {
            return token(routing);
        } catch (jakarta.enterprise.context.ContextNotActiveException noRequest) {
            return ""; // a template rendered outside a request (a mail) posts no form
        }
    }

    /** {@code {inject:csrf.parameterName}}: the form field. */
    public String getParameterName() {
        return FIELD;
    }

    /** {@code {inject:csrf.headerName}}: the header of htmx requests. */
    public String getHeaderName() {
        return HEADER;
    }

    void install(@Observes Router router) {
        // among the first routes, before authentication, the static files and the endpoints
        router.route().order(Integer.MIN_VALUE + 150).handler(Csrf::onEveryRequest);
    }

    private static void onEveryRequest(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        if (token != null && WELL_FORMED.matcher(token).matches()) {
            context.put(KEY, token);
        } else if (needsToken(context.normalizedPath())) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            context.put(KEY, fresh);
            context.response()
                    .addCookie(Cookie.cookie(COOKIE, fresh)
                            .setPath("/")
                            .setHttpOnly(true)
                            .setSameSite(CookieSameSite.LAX));
        }
        context.next();
    }

    /** Pages get a token; the API, static files and Quarkus' own routes do not need one. */
    private static boolean needsToken(String path) {
        return path == null
                || !(path.startsWith("/api/")
                        || path.startsWith("/q/")
                        || path.startsWith("/static/")
                        || path.startsWith("/webjars/")
                        || path.startsWith("/ical/"));
    }

    /** The request's token: the browser's cookie, or the one this answer gives it; empty when there is none. */
    public static String token(RoutingContext context) {
        Object token = context == null ? null : context.get(KEY);
        return token == null ? "" : token.toString();
    }

    /** The cookie's token only (what a forged request cannot know), or null. */
    static String cookieToken(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        return token != null && WELL_FORMED.matcher(token).matches() ? token : null;
    }

    /** Compares in constant time. */
    static boolean same(String expected, String given) {
        return expected != null
                && given != null
                && java.security.MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
