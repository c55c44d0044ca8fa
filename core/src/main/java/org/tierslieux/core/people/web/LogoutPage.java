package org.tierslieux.core.people.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.IdentityMode;

/**
 * Signing out. In local mode it forgets the session cookie; a GET works too, for a plain link. In OIDC mode it
 * leads to {@code /logout/oidc}, where Quarkus ends the session and sends the browser to Keycloak's end-session
 * endpoint, which signs the person out of Keycloak too and sends them back to our site.
 */
@Path("/logout")
@Access.Public
public class LogoutPage {

    static final String OIDC_LOGOUT = "/logout/oidc";

    private final String sessionCookie;
    private final IdentityMode mode;

    LogoutPage(
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String sessionCookie,
            IdentityMode mode) {
        this.sessionCookie = sessionCookie;
        this.mode = mode;
    }

    @GET
    public Response link() {
        return post();
    }

    @POST
    public Response post() {
        if (mode.isOidc()) {
            return Response.seeOther(URI.create(OIDC_LOGOUT)).build();
        }
        return signedOut();
    }

    /**
     * Guarded by an HTTP permission ({@code authenticated}) so that Quarkus OIDC handles it (its
     * {@code quarkus.oidc.logout.path}) before this runs; reached only without an OIDC session to end.
     */
    @GET
    @Path("oidc")
    public Response afterOidcLogout() {
        return signedOut();
    }

    private Response signedOut() {
        NewCookie expired = new NewCookie.Builder(sessionCookie)
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/network")).cookie(expired).build();
    }
}
