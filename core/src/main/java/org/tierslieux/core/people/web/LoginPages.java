package org.tierslieux.core.people.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.web.Pages;

/** The login form (posted to Quarkus' {@code /j_security_check}) and logout. */
@Path("/login")
@Access.Public
public class LoginPages {

    private final Template login;
    private final Pages pages;
    private final String sessionCookie;

    LoginPages(
            @Location("core/login.html") Template login,
            Pages pages,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String sessionCookie) {
        this.login = login;
        this.pages = pages;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return pages.page(login).data("error", error);
    }

    @GET
    @Path("logout")
    public Response logoutLink() {
        return logout();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie)
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/network")).cookie(expired).build();
    }
}
