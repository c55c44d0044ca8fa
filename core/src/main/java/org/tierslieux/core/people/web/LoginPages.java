package org.tierslieux.core.people.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.IdentityMode;
import org.tierslieux.core.web.Pages;

/** The login form, posted to Quarkus' {@code /j_security_check}. */
@Path("/login")
@Access.Public
public class LoginPages {

    private final Template login;
    private final Pages pages;
    private final IdentityMode mode;

    LoginPages(@Location("core/login.html") Template login, Pages pages, IdentityMode mode) {
        this.login = login;
        this.pages = pages;
        this.mode = mode;
    }

    /** The password form in local mode; in OIDC mode, the way to Keycloak's own login page. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object login(
            @QueryParam("error") boolean error,
            @QueryParam("welcome") boolean welcome,
            @QueryParam("locked") @jakarta.ws.rs.DefaultValue("0") int lockedMinutes) {
        if (mode.isOidc()) {
            return Pages.redirect(OIDC_LOGIN);
        }
        // after too many failures: how long until the next try (the redirect of the login form says it)
        int minutes = Math.max(0, Math.min(lockedMinutes, 24 * 60));
        return pages.page(login).data("error", error).data("welcome", welcome).data("lockedMinutes", minutes);
    }

    static final String OIDC_LOGIN = "/login/oidc";

    /** Where the pages land when Keycloak cannot be reached during a sign-in or sign-out: a 503 that says so. */
    @GET
    @Path("unavailable")
    public Response identityUnavailable() {
        throw new DomainException(503, "identity.unavailable", java.util.Map.of());
    }

    /**
     * Guarded by an HTTP permission ({@code authenticated}): in OIDC mode, reaching it runs the authorization
     * code flow with Keycloak; once signed in, it goes on to the network's home.
     */
    @GET
    @Path("oidc")
    @Access.SignedIn
    public Response afterOidcLogin(@CookieParam(RETURN_COOKIE) String returnTo) {
        // back to the page that asked for a sign-in (its path only: never another site), else the network
        String path = "/network";
        if (returnTo != null) {
            try {
                java.net.URI target = java.net.URI.create(returnTo);
                if (target.getRawPath() != null
                        && target.getRawPath().startsWith("/")
                        && !target.getRawPath().startsWith("//")
                        && !target.getRawPath().startsWith("/login")) {
                    path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // a cookie that is no address: the network's home
            }
        }
        return Response.seeOther(java.net.URI.create(path))
                .header("Set-Cookie", RETURN_COOKIE + "=; Path=/; Max-Age=0")
                .build();
    }

    /** Set by the error mapper when a page needs a sign-in (the form login reads it too). */
    static final String RETURN_COOKIE = "quarkus-redirect-location";
}
