package org.tierslieux.core.people.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.web.Pages;

/** The login form, posted to Quarkus' {@code /j_security_check}. */
@Path("/login")
@Access.Public
public class LoginPages {

    private final Template login;
    private final Pages pages;

    LoginPages(@Location("core/login.html") Template login, Pages pages) {
        this.login = login;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return pages.page(login).data("error", error);
    }
}
