package org.tierslieux.core.audit.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tierslieux.core.audit.AuditLog;
import org.tierslieux.core.audit.AuditQueries;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.web.Pages;

/** The network admins' page of the audit log, with the API's filters. */
@Path("/network/audit")
@Produces(MediaType.TEXT_HTML)
@Access.NetworkAdmin
public class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final Template audit;
    private final Pages pages;
    private final AuditLog log;
    private final PlaceDirectory places;

    AuditPages(@Location("core/audit.html") Template audit, Pages pages, AuditLog log, PlaceDirectory places) {
        this.audit = audit;
        this.pages = pages;
        this.log = log;
        this.places = places;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page) {
        var found = log.network(AuditQueries.of(places, place, from, to, page, PAGE_SIZE));
        return pages.page(audit)
                .data("entries", found.items())
                .data("places", places.all())
                .data("place", place == null ? "" : place)
                .data("from", from == null ? "" : from)
                .data("to", to == null ? "" : to)
                .data("page", found.page())
                .data("hasPrevious", found.page() > 0)
                .data("hasNext", (long) (found.page() + 1) * found.size() < found.total())
                .data("total", found.total());
    }
}
