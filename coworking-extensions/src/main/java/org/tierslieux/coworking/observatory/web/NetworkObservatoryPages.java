package org.tierslieux.coworking.observatory.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.observatory.ObservatoryPeriod;
import org.tierslieux.coworking.observatory.ObservatoryService;

/** The network's observatory for network admins: the totals' charts, a table of totals and one per place. */
@Path("/network/observatory")
@Produces(MediaType.TEXT_HTML)
@Access.NetworkAdmin
public class NetworkObservatoryPages {

    private final ObservatoryService observatory;
    private final ObservatoryView view;
    private final Pages pages;
    private final Template template;

    NetworkObservatoryPages(
            ObservatoryService observatory,
            ObservatoryView view,
            Pages pages,
            @Location("coworking/observatory.html") Template template) {
        this.observatory = observatory;
        this.view = view;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        var period = ObservatoryPeriod.parse(from, to, granularity, observatory.today(ZoneId.of("Europe/Paris")));
        var figures = observatory.forNetwork(period);
        return view.fill(pages.page(template), period, figures.kinds(), figures.totals())
                .data("network", true)
                .data("action", "/network/observatory")
                .data("api", "/api/v1/network/observatory")
                .data("places", figures.places())
                .data("visitsCounted", figures.networkVisitsCounted());
    }
}
