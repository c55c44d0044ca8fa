package org.tierslieux.coworking.checkin.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.checkin.CheckinService;
import org.tierslieux.coworking.checkin.QrCodes;

/**
 * The member's passes: a QR code for each of their next confirmed bookings. A booking's code is the same at each
 * showing (see {@link CheckinService#passForBooking}), so a printed or saved pass stays valid; the page is still
 * never cached, since it holds secrets.
 */
@Path("/{place}/passes")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class PassesPages {

    private static final int SHOWN = 10;

    /** A booking with its pass. */
    @io.quarkus.qute.TemplateData
    public record Pass(Booking booking, String resource, String url, String svg, boolean arrived) {}

    private final BookingService bookings;
    private final ResourceService resources;
    private final CheckinService checkins;
    private final Caller caller;
    private final Pages pages;
    private final Template template;

    PassesPages(
            BookingService bookings,
            ResourceService resources,
            CheckinService checkins,
            Caller caller,
            Pages pages,
            @Location("coworking/passes.html") Template template) {
        this.bookings = bookings;
        this.resources = resources;
        this.checkins = checkins;
        this.caller = caller;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public Response mine(@PathParam("place") String place) {
        var me = caller.requirePerson();
        var names = resources.names();
        List<Pass> passes = new ArrayList<>();
        for (Booking b : bookings.ofPerson(me, true, 0, SHOWN)) {
            if (b.status() != BookingStatus.CONFIRMED) {
                continue;
            }
            boolean arrived = checkins.checkedIn(b.id());
            String url = arrived ? null : checkins.scanUrl(checkins.passForBooking(me, b.id()));
            passes.add(new Pass(
                    b, names.get(b.resourceId().value()), url, url == null ? null : QrCodes.svg(url), arrived));
        }
        return Response.ok(pages.page(template).data("passes", passes).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
