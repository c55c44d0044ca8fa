package org.tierslieux.coworking.guest.web;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.checkin.CheckinSettingsService;
import org.tierslieux.coworking.guest.GuestService;

/** A member's guests: the invitation form (with what a guest costs here), the guests invited, a cancel button. */
@Path("/{place}/guests")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class GuestPages {

    private final GuestService guests;
    private final CheckinSettingsService settings;
    private final Caller caller;
    private final Pages pages;
    private final Template template;

    GuestPages(
            GuestService guests,
            CheckinSettingsService settings,
            Caller caller,
            Pages pages,
            @Location("coworking/guests.html") Template template) {
        this.guests = guests;
        this.settings = settings;
        this.caller = caller;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance mine(
            @PathParam("place") String place,
            @QueryParam("invited") String invited,
            @QueryParam("cancelled") String cancelled) {
        return page(null, null, null, null)
                .data("invited", invited != null && invited.length() <= 320 ? invited : null)
                .data("cancelled", cancelled != null && cancelled.length() <= 320 ? cancelled : null);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            var guest = guests.cancel(caller.requirePerson(), id);
            return Pages.redirect(
                    "/" + place + "/guests?cancelled=" + URLEncoder.encode(guest.email(), StandardCharsets.UTF_8));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error, null, null, null));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            @PathParam("place") String place, @RestForm String name, @RestForm String email, @RestForm String day) {
        try {
            var guest = guests.invite(caller.requirePerson(), name, email, Forms.date(day, "day"));
            return Pages.redirect(
                    "/" + place + "/guests?invited=" + URLEncoder.encode(guest.email(), StandardCharsets.UTF_8));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error, name, email, day));
        }
    }

    private TemplateInstance page(String error, String name, String email, String day) {
        return pages.page(template)
                .data("error", error)
                .data("name", name)
                .data("email", email)
                .data("day", day == null ? guests.today().toString() : day)
                .data("invited", null)
                .data("cancelled", null)
                .data("settings", settings.current())
                .data("guests", guests.ofHost(caller.requirePerson()));
    }
}
