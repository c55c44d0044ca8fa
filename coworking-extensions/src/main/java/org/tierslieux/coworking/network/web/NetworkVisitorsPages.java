package org.tierslieux.coworking.network.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.network.NetworkSettings;
import org.tierslieux.coworking.network.VisitLog;

/** A host's network visitors over a month, and the place opting in to (or out of) the network pass. */
@Path("/{place}/network/visitors")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(value = Role.MANAGER, networkAdmin = true)
public class NetworkVisitorsPages {

    private final NetworkSettings settings;
    private final VisitLog visits;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Pages pages;
    private final Clock clock;
    private final Template template;

    NetworkVisitorsPages(
            NetworkSettings settings,
            VisitLog visits,
            PlaceContext placeContext,
            Caller caller,
            Pages pages,
            Clock clock,
            @Location("coworking/network-visitors.html") Template template) {
        this.settings = settings;
        this.visits = visits;
        this.placeContext = placeContext;
        this.caller = caller;
        this.pages = pages;
        this.clock = clock;
        this.template = template;
    }

    @GET
    public TemplateInstance page(@PathParam("place") String place, @QueryParam("month") String month) {
        var here = placeContext.require();
        YearMonth m = month(month, here.zone());
        return pages.page(template)
                .data("month", m)
                .data("participating", settings.participates(here.id()))
                .data("visits", visits.hostedBy(here.id(), m.atDay(1), m.atEndOfMonth()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response participate(@PathParam("place") String place, @RestForm String participating) {
        settings.setParticipating(placeContext.require().id(), "true".equals(participating), caller.requirePerson());
        return Pages.redirect("/" + place + "/network/visitors");
    }

    private YearMonth month(String value, java.time.ZoneId zone) {
        if (value != null && !value.isBlank()) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException ignored) {
                // a tampered month: this month
            }
        }
        return YearMonth.from(clock.instant().atZone(zone));
    }
}
