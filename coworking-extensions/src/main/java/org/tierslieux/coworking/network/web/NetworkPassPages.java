package org.tierslieux.coworking.network.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.network.PassBookings;
import org.tierslieux.coworking.network.PassView;

/** The member's network pass: allowance left, the places that welcome them, a desk-day booked in one form. */
@Path("/network/pass")
@Produces(MediaType.TEXT_HTML)
@Access.SignedIn
public class NetworkPassPages {

    private final PassView view;
    private final PassBookings bookings;
    private final Caller caller;
    private final Pages pages;
    private final Clock clock;
    private final Template template;

    NetworkPassPages(
            PassView view,
            PassBookings bookings,
            Caller caller,
            Pages pages,
            Clock clock,
            @Location("coworking/network-pass.html") Template template) {
        this.view = view;
        this.bookings = bookings;
        this.caller = caller;
        this.pages = pages;
        this.clock = clock;
        this.template = template;
    }

    @GET
    public TemplateInstance page(@QueryParam("booked") String booked) {
        return page(null, booked != null && booked.length() <= 200 ? booked : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response book(
            @RestForm String place, @RestForm String day, @RestForm String part, @RestForm String resourceId) {
        try {
            PassBookings.Part p;
            try {
                p = Forms.isBlank(part) ? PassBookings.Part.DAY : PassBookings.Part.valueOf(part.strip());
            } catch (IllegalArgumentException e) {
                p = PassBookings.Part.DAY;
            }
            UUID resource = Forms.isBlank(resourceId) ? null : Forms.id(resourceId, "resource.not-found");
            var booked = bookings.book(caller.requirePerson(), place, Forms.date(day, "day"), p, resource);
            String what = booked.host().name() + " · " + booked.resource();
            return Pages.redirect("/network/pass?booked=" + URLEncoder.encode(what, StandardCharsets.UTF_8));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error, null));
        }
    }

    private TemplateInstance page(String error, String booked) {
        var pass = view.of(caller.requirePerson(), null);
        return pages.page(template)
                .data("pass", pass)
                .data("error", error)
                .data("booked", booked)
                .data(
                        "firstDay",
                        clock.instant()
                                .atZone(java.time.ZoneId.of("Europe/Paris"))
                                .toLocalDate()
                                .plusDays(1));
    }
}
