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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/**
 * The managers' calendar: a day or a week of bookings, one row per resource, with who booked; a booking can be
 * cancelled with a reason (the member receives it) or marked as a no-show once it has started.
 */
@Path("/{place}/manage/calendar")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class CalendarPages {

    /** A booking as the calendar shows it. */
    @TemplateData
    public record Entry(Booking booking, String who, boolean active, boolean canMarkNoShow) {
        public boolean confirmed() {
            return booking.status() == BookingStatus.CONFIRMED;
        }
    }

    /** The bookings of one resource on one day. */
    @TemplateData
    public record Cell(LocalDate date, List<Entry> entries) {}

    @TemplateData
    public record Row(String resourceId, String name, String kind, List<Cell> cells, int count) {}

    private final BookingService bookings;
    private final ResourceService resources;
    private final PeopleService people;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Pages pages;
    private final Template calendar;

    CalendarPages(
            BookingService bookings,
            ResourceService resources,
            PeopleService people,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Pages pages,
            @Location("core/manage-calendar.html") Template calendar) {
        this.bookings = bookings;
        this.resources = resources;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.pages = pages;
        this.calendar = calendar;
    }

    @GET
    public TemplateInstance show(
            @PathParam("place") String place, @QueryParam("day") String day, @QueryParam("view") String view) {
        return page(day, view, null);
    }

    @POST
    @Path("bookings/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String reason,
            @RestForm String day,
            @RestForm String view) {
        try {
            bookings.cancel(Booker.of(caller), new BookingId(id), reason);
            return Pages.redirect(back(place, day, view));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(day, view, error));
        }
    }

    @POST
    @Path("bookings/{id}/no-show")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response noShow(
            @PathParam("place") String place, @PathParam("id") UUID id, @RestForm String day, @RestForm String view) {
        try {
            bookings.markNoShow(new BookingId(id));
            return Pages.redirect(back(place, day, view));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(day, view, error));
        }
    }

    private TemplateInstance page(String dayParam, String viewParam, String error) {
        ZoneId zone = placeContext.require().zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = Forms.dayOr(dayParam, today);
        boolean week = "week".equals(viewParam);
        List<LocalDate> days = week ? Week.of(day.toString(), today).days() : List.of(day);
        TimeRange range = TimeRange.ofDays(days.get(0), days.get(days.size() - 1), zone);

        List<Booking> found = bookings.inPlace(range, false).stream()
                .filter(b -> b.status() != BookingStatus.EXPIRED)
                .toList();
        Map<UUID, String> who = people.displayNames(
                found.stream().map(b -> b.person().value()).distinct().toList());
        Map<UUID, String> names = resources.names();

        // rows: the active resources in their usual order, then archived ones that still have bookings here
        Map<UUID, List<Booking>> byResource = new LinkedHashMap<>();
        Map<UUID, String> kinds = new LinkedHashMap<>();
        for (Resource r : resources.active()) {
            byResource.put(r.id().value(), new ArrayList<>());
            kinds.put(r.id().value(), r.kind());
        }
        for (Booking b : found) {
            byResource
                    .computeIfAbsent(b.resourceId().value(), k -> new ArrayList<>())
                    .add(b);
        }
        List<Row> rows = new ArrayList<>();
        byResource.forEach((resource, list) -> {
            List<Cell> cells = new ArrayList<>();
            for (LocalDate d : days) {
                TimeRange ofDay = TimeRange.ofDays(d, d, zone);
                List<Entry> entries = list.stream()
                        .filter(b -> ofDay.contains(b.start())
                                || (d.equals(days.get(0)) && b.start().isBefore(ofDay.start())))
                        .map(b -> new Entry(
                                b,
                                who.getOrDefault(b.person().value(), "?"),
                                b.status().takesTheSlot() && now.isBefore(b.end()),
                                b.status() == BookingStatus.CONFIRMED && !now.isBefore(b.start())))
                        .toList();
                cells.add(new Cell(d, entries));
            }
            rows.add(new Row(
                    resource.toString(), names.getOrDefault(resource, "?"), kinds.get(resource), cells, list.size()));
        });
        // resources without bookings are named on one line rather than given a row each
        List<String> idle =
                rows.stream().filter(r -> r.count() == 0).map(Row::name).toList();

        LocalDate previous = week ? day.minusWeeks(1) : day.minusDays(1);
        LocalDate next = week ? day.plusWeeks(1) : day.plusDays(1);
        return pages.page(calendar)
                .data("day", day)
                .data("today", today)
                .data("week", week)
                .data("view", week ? "week" : "day")
                .data("days", days)
                .data("first", days.get(0))
                .data("last", days.get(days.size() - 1))
                .data("previous", previous)
                .data("next", next)
                .data("rows", rows.stream().filter(r -> r.count() > 0).toList())
                .data("idle", idle)
                .data("total", found.size())
                .data("error", error);
    }

    private static String back(String place, String day, String view) {
        LocalDate date = Forms.dayOr(day, null);
        String query = (date == null ? "" : "day=" + date + "&") + ("week".equals(view) ? "view=week" : "view=day");
        return "/" + place + "/manage/calendar?" + query;
    }
}
