package org.tierslieux.coworking.observatory.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.observatory.ObservatoryPeriod;
import org.tierslieux.coworking.observatory.ObservatoryService;

/** A place's observatory for its managers and treasurers (and network admins): charts and tables. */
@Path("/{place}/observatory")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(
        value = {Role.MANAGER, Role.TREASURER},
        networkAdmin = true)
public class ObservatoryPages {

    private final ObservatoryService observatory;
    private final PlaceContext placeContext;
    private final ObservatoryView view;
    private final Pages pages;
    private final Template template;

    ObservatoryPages(
            ObservatoryService observatory,
            PlaceContext placeContext,
            ObservatoryView view,
            Pages pages,
            @Location("coworking/observatory.html") Template template) {
        this.observatory = observatory;
        this.placeContext = placeContext;
        this.view = view;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(
            @PathParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        var here = placeContext.require();
        var period = ObservatoryPeriod.parse(from, to, granularity, observatory.today(here.zone()));
        var figures = observatory.forPlace(here, period);
        return view.fill(pages.page(template), period, figures.kinds(), figures.periods())
                .data("network", false)
                .data("action", "/" + here.slug() + "/observatory")
                .data("api", "/api/v1/places/" + here.slug() + "/observatory")
                .data("places", java.util.List.of())
                .data("visitsCounted", figures.networkVisitsCounted());
    }
}
