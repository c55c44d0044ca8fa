package org.tierslieux.coworking.checkin.web;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.checkin.CheckinService;
import org.tierslieux.coworking.checkin.CheckinSettings;
import org.tierslieux.coworking.checkin.CheckinSettingsService;
import org.tierslieux.coworking.checkin.QrCodes;

/**
 * The desk's check-in page (a field for a scanned code, today's expected arrivals with a button each, the
 * settings), the member's self check-in, and the page a pass's QR code opens: the staff confirms the arrival
 * there with one tap; anyone else sees the pass to show at the desk.
 */
@Path("/{place}/checkin")
@Produces(MediaType.TEXT_HTML)
public class CheckinPages {

    /** A booking of the member today, with whether they already said they are here. */
    @io.quarkus.qute.TemplateData
    public record Mine(Booking booking, String resource, boolean arrived) {}

    private final CheckinService checkins;
    private final CheckinSettingsService settings;
    private final BookingService bookings;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Pages pages;
    private final Template desk;
    private final Template self;
    private final Template scan;

    CheckinPages(
            CheckinService checkins,
            CheckinSettingsService settings,
            BookingService bookings,
            ResourceService resources,
            PlaceContext placeContext,
            Caller caller,
            Pages pages,
            @Location("coworking/checkin-desk.html") Template desk,
            @Location("coworking/checkin-self.html") Template self,
            @Location("coworking/checkin-scan.html") Template scan) {
        this.checkins = checkins;
        this.settings = settings;
        this.bookings = bookings;
        this.resources = resources;
        this.placeContext = placeContext;
        this.caller = caller;
        this.pages = pages;
        this.desk = desk;
        this.self = self;
        this.scan = scan;
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    public TemplateInstance desk(@PathParam("place") String place, @QueryParam("saved") String saved) {
        return deskPage(null, null).data("saved", saved != null);
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("place") String place, @RestForm String code) {
        try {
            CheckinService.Done done = checkins.scan(code, caller.requirePerson());
            return ok(deskPage(done, null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    @POST
    @Path("bookings/{id}")
    @Access.InPlace(Role.MANAGER)
    public Response booking(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            return ok(deskPage(checkins.checkInBooking(new BookingId(id), "STAFF", caller.requirePerson()), null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    @POST
    @Path("guests/{id}")
    @Access.InPlace(Role.MANAGER)
    public Response guest(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            return ok(deskPage(checkins.checkInGuest(id, "STAFF", caller.requirePerson()), null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    @POST
    @Path("walk-in")
    @Access.InPlace(Role.MANAGER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response walkIn(@PathParam("place") String place, @RestForm String email, @RestForm String pool) {
        try {
            var resource = new org.tierslieux.core.resource.ResourceId(Forms.id(pool, "resource.not-found"));
            return ok(deskPage(checkins.walkIn(email, resource, caller.requirePerson()), null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    @POST
    @Path("settings")
    @Access.InPlace(Role.MANAGER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(
            @PathParam("place") String place,
            @RestForm String enabled,
            @RestForm String graceMinutes,
            @RestForm String guestPolicy,
            @RestForm String guestPrice) {
        try {
            Integer grace = Forms.number(graceMinutes, "graceMinutes", 0, 1440);
            CheckinSettings.GuestPolicy policy;
            BigDecimal price;
            try {
                policy = CheckinSettings.GuestPolicy.valueOf(guestPolicy == null ? "FREE" : guestPolicy.strip());
                price = new BigDecimal(
                        Forms.isBlank(guestPrice) ? "0" : guestPrice.strip().replace(',', '.'));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("checkin.guest-price-invalid", java.util.Map.of());
            }
            settings.change(
                    enabled != null, grace == null ? CheckinSettings.DEFAULT_GRACE_MINUTES : grace, policy, price);
            return Pages.redirect("/" + place + "/checkin?saved=1");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    @GET
    @Path("self")
    @Access.InPlace(Role.MEMBER)
    public TemplateInstance selfPage(@PathParam("place") String place) {
        return selfPage(null, false);
    }

    @POST
    @Path("self/desk")
    @Access.InPlace(Role.MEMBER)
    public Response selfAtOwnDesk(@PathParam("place") String place) {
        try {
            checkins.selfAtOwnDesk(caller.requirePerson());
            return ok(selfPage(null, true));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> selfPage(error, false));
        }
    }

    @POST
    @Path("self/{id}")
    @Access.InPlace(Role.MEMBER)
    public Response selfCheckIn(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            checkins.selfCheckIn(caller.requirePerson(), new BookingId(id));
            return ok(selfPage(null, true));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> selfPage(error, false));
        }
    }

    /** What a pass's QR code opens. Public: a guest without an account sees their pass again. */
    @GET
    @Path("scan")
    @Access.Public
    public TemplateInstance scanPage(@PathParam("place") String place, @QueryParam("code") String code) {
        String clean = code == null || code.length() > 100 ? null : code.strip();
        boolean staff = caller.isAuthenticated() && caller.person().isPresent() && caller.has(Role.MANAGER);
        return pages.page(scan)
                .data("code", clean)
                .data("qr", clean == null ? null : QrCodes.svg(checkins.scanUrl(clean)))
                .data("staff", staff)
                .data("done", null)
                .data("error", null);
    }

    @POST
    @Path("scan")
    @Access.InPlace(Role.MANAGER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scanned(@PathParam("place") String place, @RestForm String code) {
        try {
            return ok(deskPage(checkins.scan(code, caller.requirePerson()), null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(null, error));
        }
    }

    private TemplateInstance deskPage(CheckinService.Done done, String error) {
        return pages.page(desk)
                .data("done", done)
                .data("error", error)
                .data("saved", false)
                .data("expected", checkins.expectedToday())
                .data("settings", settings.current())
                .data(
                        "pools",
                        resources.active().stream()
                                .filter(r -> "DESK_POOL".equals(r.kind()))
                                .toList())
                .data("policies", CheckinSettings.GuestPolicy.values());
    }

    private TemplateInstance selfPage(String error, boolean done) {
        var me = caller.requirePerson();
        var names = resources.names();
        List<Mine> today = bookings.ofPerson(me, checkins.today()).stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED)
                .map(b -> new Mine(b, names.get(b.resourceId().value()), checkins.checkedIn(b.id())))
                .toList();
        return pages.page(self)
                .data("today", today)
                .data("ownDesk", checkins.ownDeskToday(me).orElse(null))
                .data("hereNow", checkins.hereNow(me))
                .data("error", error)
                .data("done", done);
    }

    private static Response ok(TemplateInstance page) {
        return Response.ok(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }
}
