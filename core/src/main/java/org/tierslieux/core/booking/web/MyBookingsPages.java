package org.tierslieux.core.booking.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.booking.WaitlistEntry;
import org.tierslieux.core.booking.WaitlistService;
import org.tierslieux.core.calendar.CalendarFeeds;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/**
 * "My bookings": what is to come (with cancel, and confirm for an offer from a waiting list), the waiting lists
 * the member is on, what is past. Cancelling asks first on a page of its own, so that it works without JavaScript.
 */
@Path("/{place}/bookings")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class MyBookingsPages {

    /** A booking with the name of its resource. */
    @TemplateData
    public record Line(Booking booking, String resource) {
        public boolean held() {
            return booking.status() == BookingStatus.HELD;
        }

        public boolean confirmed() {
            return booking.status() == BookingStatus.CONFIRMED;
        }
    }

    /** A waiting-list entry with the name of its resource. */
    @TemplateData
    public record Waiting(WaitlistEntry entry, String resource) {
        public Instant start() {
            return entry.period().start();
        }

        public Instant end() {
            return entry.period().end();
        }
    }

    private static final int UPCOMING = 100;
    private static final int PAST = 20;

    private final BookingService bookings;
    private final WaitlistService waitlist;
    private final CalendarFeeds feeds;
    private final ResourceService resources;
    private final Caller caller;
    private final Pages pages;
    private final Template list;
    private final Template cancelTemplate;

    MyBookingsPages(
            BookingService bookings,
            WaitlistService waitlist,
            CalendarFeeds feeds,
            ResourceService resources,
            Caller caller,
            Pages pages,
            @Location("core/my-bookings.html") Template list,
            @Location("core/cancel-booking.html") Template cancelTemplate) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.feeds = feeds;
        this.resources = resources;
        this.caller = caller;
        this.pages = pages;
        this.list = list;
        this.cancelTemplate = cancelTemplate;
    }

    @GET
    public TemplateInstance mine(
            @PathParam("place") String place, @QueryParam("booked") String booked, @QueryParam("done") String done) {
        Line justBooked = null;
        if (!Forms.isBlank(booked)) {
            try {
                Booking b = bookings.findOwn(Booker.of(caller), new BookingId(UUID.fromString(booked.strip())));
                justBooked = new Line(b, resources.names().get(b.resourceId().value()));
            } catch (IllegalArgumentException | DomainException notMine) {
                // a stale or tampered link: no confirmation to show
            }
        }
        return listPage(null)
                .data("booked", justBooked)
                .data("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
    }

    @GET
    @Path("{id}/cancel")
    public TemplateInstance askToCancel(@PathParam("place") String place, @PathParam("id") UUID id) {
        return cancelPage(id, null);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("place") String place, @PathParam("id") UUID id, @RestForm String reason) {
        try {
            bookings.cancel(Booker.of(caller), new BookingId(id), reason);
            return Pages.redirect("/" + place + "/bookings?done=cancelled");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> cancelPage(id, error));
        }
    }

    /** Takes a slot offered from a waiting list (a held booking) before the offer runs out. */
    @POST
    @Path("{id}/confirm")
    public Response confirm(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            bookings.confirm(Booker.of(caller), new BookingId(id));
            return Pages.redirect("/" + place + "/bookings?done=confirmed");
        } catch (DomainException refused) {
            return pages.refused(refused, this::listPage);
        }
    }

    @POST
    @Path("waitlist/{id}/withdraw")
    public Response withdraw(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            waitlist.withdraw(Booker.of(caller), id);
            return Pages.redirect("/" + place + "/bookings?done=withdrawn");
        } catch (DomainException refused) {
            return pages.refused(refused, this::listPage);
        }
    }

    /**
     * A new link to the member's calendar feed (the previous one stops working). The link is a secret shown once:
     * it goes in this answer, never in an address or a redirect.
     */
    @POST
    @Path("calendar-feed")
    public Response createFeed(@PathParam("place") String place) {
        String url = feeds.createForMember(caller.requirePerson());
        return Response.ok(listPage(null)
                        .data("feedUrl", url)
                        .data("webcal", url.replaceFirst("^https?://", "webcal://"))
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A reload after creating a link lands here: back to the list (the link is not shown again). */
    @GET
    @Path("calendar-feed")
    public Response afterFeed(@PathParam("place") String place) {
        return Pages.redirect("/" + place + "/bookings");
    }

    @POST
    @Path("calendar-feed/revoke")
    public Response revokeFeed(@PathParam("place") String place) {
        feeds.revokeForMember(caller.requirePerson());
        return Pages.redirect("/" + place + "/bookings?done=feed-revoked");
    }

    private TemplateInstance listPage(String error) {
        PersonId me = caller.requirePerson();
        Map<UUID, String> names = resources.names();
        List<Line> upcoming = bookings.ofPerson(me, true, 0, UPCOMING).stream()
                .map(b -> new Line(b, names.get(b.resourceId().value())))
                .toList();
        List<Line> past = bookings.ofPerson(me, false, 0, PAST).stream()
                .map(b -> new Line(b, names.get(b.resourceId().value())))
                .toList();
        List<Waiting> waiting = waitlist.mine(me).stream()
                .map(w -> new Waiting(w, names.get(w.resourceId().value())))
                .toList();
        return pages.page(list)
                .data("upcoming", upcoming)
                .data("past", past)
                .data("waiting", waiting)
                .data("error", error)
                .data("booked", null)
                .data("done", null)
                .data("feedUrl", null)
                .data("webcal", null);
    }

    private TemplateInstance cancelPage(UUID id, String error) {
        Booking booking = bookings.findOwn(Booker.of(caller), new BookingId(id));
        return pages.page(cancelTemplate)
                .data(
                        "line",
                        new Line(
                                booking,
                                resources.names().get(booking.resourceId().value())))
                .data("error", error);
    }
}
