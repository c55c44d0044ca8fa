package org.tierslieux.coworking.checkin.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.checkin.CheckinService;

/** Who is here now and the live occupancy of desks and rooms (the staff's view; refreshes itself every minute). */
@Path("/{place}/here")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class HerePages {

    private final CheckinService checkins;
    private final Pages pages;
    private final Template template;

    HerePages(CheckinService checkins, Pages pages, @Location("coworking/here.html") Template template) {
        this.checkins = checkins;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance here(@PathParam("place") String place) {
        var here = checkins.here();
        return pages.page(template)
                .data("here", here)
                .data("occupancy", checkins.occupancy())
                .data(
                        "guests",
                        here.stream().filter(CheckinService.Present::isGuest).count());
    }
}
