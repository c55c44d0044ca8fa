package org.tierslieux.core.people.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.people.Access;

/** Signing out forgets the session cookie; a GET works too, for a plain link. */
@Path("/logout")
@Access.Public
public class LogoutPage {

    private final String sessionCookie;

    LogoutPage(
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @GET
    public Response link() {
        return post();
    }

    @POST
    public Response post() {
        NewCookie expired = new NewCookie.Builder(sessionCookie)
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/network")).cookie(expired).build();
    }
}
