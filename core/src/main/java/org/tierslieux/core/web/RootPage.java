package org.tierslieux.core.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.tierslieux.core.people.Access;

/** The bare address leads to the network's home. */
@Path("/")
@Access.Public
public class RootPage {

    @GET
    public Response root() {
        return Pages.redirect("/network");
    }
}
