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
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingRules;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.RuleService;
import org.tierslieux.core.booking.WaitlistService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.web.QuoteBox;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Session;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * The member's booking pages: the week of free slots of the whole place (one tap books a slot), and a resource's
 * week with a form for longer bookings and seats. Refusals come back on the same page, with the reason and, when
 * the slot was just taken, the offer to wait for it.
 */
@Path("/{place}/book")
@TemplateData(target = BookingRules.class)
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class BookingPages {

    /** What the member tried to book, as sent: shown with a refusal, and kept for the waiting list. */
    @TemplateData
    public record Attempt(
            String resourceId, String resourceName, Instant start, Instant end, int seats, boolean full) {}

    /** The longer-booking form as typed. */
    @TemplateData
    public record LongForm(String day, String from, String to, String seats) {}

    /** An option of a select, chosen or not. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {}

    /** A hidden field carried from the booking form to its confirmation. */
    @TemplateData
    public record Hidden(String name, String value) {}

    private final AvailabilityService availability;
    private final BookingService bookings;
    private final WaitlistService waitlist;
    private final ResourceService resources;
    private final ScheduleService schedules;
    private final RuleService rules;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Ui ui;
    private final Pages pages;
    private final Template weekTemplate;
    private final Template resourceTemplate;
    private final Template confirmTemplate;
    private final QuoteService quotes;
    private final jakarta.enterprise.inject.Instance<org.tierslieux.core.booking.HeldBookingPage> heldPages;

    /** A held booking (waiting for its payment) goes where an extension says, e.g. its pay page. */
    private Response afterBooking(String place, Booking booking) {
        if (booking.status() == org.tierslieux.core.booking.BookingStatus.HELD) {
            for (var page : heldPages) {
                var path = page.pathFor(placeContext.require(), booking.id());
                if (path.isPresent()) {
                    return Pages.redirect(path.get());
                }
            }
        }
        return Pages.redirect("/" + place + "/bookings?booked=" + booking.id());
    }

    BookingPages(
            AvailabilityService availability,
            BookingService bookings,
            WaitlistService waitlist,
            ResourceService resources,
            ScheduleService schedules,
            RuleService rules,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Ui ui,
            Pages pages,
            @Location("core/book-week.html") Template weekTemplate,
            @Location("core/book-resource.html") Template resourceTemplate,
            @Location("core/book-confirm.html") Template confirmTemplate,
            QuoteService quotes,
            @jakarta.enterprise.inject.Any
                    jakarta.enterprise.inject.Instance<org.tierslieux.core.booking.HeldBookingPage> heldPages) {
        this.heldPages = heldPages;
        this.availability = availability;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.resources = resources;
        this.schedules = schedules;
        this.rules = rules;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.ui = ui;
        this.pages = pages;
        this.weekTemplate = weekTemplate;
        this.resourceTemplate = resourceTemplate;
        this.confirmTemplate = confirmTemplate;
        this.quotes = quotes;
    }

    @GET
    public TemplateInstance week(
            @PathParam("place") String place, @QueryParam("week") String week, @QueryParam("kind") String kind) {
        return weekPage(Week.of(week, today()), kind, null, null);
    }

    /** One tap on a free slot. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response book(
            @PathParam("place") String place,
            @RestForm String resourceId,
            @RestForm String start,
            @RestForm String end,
            @RestForm String seats,
            @RestForm String week,
            @RestForm String kind,
            @RestForm String back,
            @RestForm String review) {
        Attempt attempt = null;
        try {
            Resource resource = resources.find(new ResourceId(Forms.id(resourceId, "resource.not-found")));
            int count = seats(seats);
            TimeRange period = period(instant(start), instant(end));
            attempt =
                    new Attempt(resource.id().toString(), resource.name(), period.start(), period.end(), count, false);
            BookingService.Request request = new BookingService.Request(resource.id(), period, count, null);
            if ("1".equals(review)) {
                Quote quote = quotes.forBooking(
                        caller.requirePerson(), request, request.period().start());
                if (!quote.lines().isEmpty()) {
                    String backTo = "resource".equals(back)
                            ? "/" + place + "/book/" + resource.id() + "?week=" + Forms.dayOr(week, today())
                            : "/" + place + "/book?week=" + Forms.dayOr(week, today());
                    return confirmation(attempt, quote, backTo, week, kind, back);
                }
            }
            Booking booking = bookings.book(Booker.of(caller), request);
            return afterBooking(place, booking);
        } catch (DomainException refused) {
            Attempt tried = attempt == null ? null : withFull(attempt, refused);
            if ("resource".equals(back) && tried != null) {
                UUID id = UUID.fromString(tried.resourceId());
                return pages.refused(refused, error -> resourcePage(id, Week.of(week, today()), null, error, tried));
            }
            return pages.refused(refused, error -> weekPage(Week.of(week, today()), kind, error, tried));
        }
    }

    /** Joins the waiting list of a full slot (offered after a refusal). */
    @POST
    @Path("waitlist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(
            @PathParam("place") String place,
            @RestForm String resourceId,
            @RestForm String start,
            @RestForm String end,
            @RestForm String seats,
            @RestForm String week) {
        try {
            Resource resource = resources.find(new ResourceId(Forms.id(resourceId, "resource.not-found")));
            waitlist.join(
                    Booker.of(caller),
                    new BookingService.Request(
                            resource.id(), period(instant(start), instant(end)), seats(seats), null));
            return Pages.redirect("/" + place + "/bookings?done=waiting");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> weekPage(Week.of(week, today()), null, error, null));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance resource(
            @PathParam("place") String place, @PathParam("id") UUID id, @QueryParam("week") String week) {
        return resourcePage(id, Week.of(week, today()), null, null, null);
    }

    /** A longer booking (several slots in a row) or several seats, from the resource's page. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bookLonger(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String day,
            @RestForm String from,
            @RestForm String to,
            @RestForm String seats,
            @RestForm String week,
            @RestForm String review) {
        LongForm typed = new LongForm(day, from, to, seats);
        Attempt attempt = null;
        try {
            Resource resource = resources.find(new ResourceId(id));
            ZoneId zone = placeContext.require().zone();
            LocalDate date = Forms.date(day, ui.t("book.day"));
            LocalTime opens = Forms.time(from, ui.t("book.from"));
            LocalTime closes = Forms.time(to, ui.t("book.to"));
            if (date == null || opens == null || closes == null) {
                throw DomainException.invalid("booking.period-missing", Map.of());
            }
            Instant startsAt = date.atTime(opens).atZone(zone).toInstant();
            // a slot that ends at midnight ends on the next day
            Instant endsAt = closes.equals(LocalTime.MIDNIGHT)
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : date.atTime(closes).atZone(zone).toInstant();
            int count = seats(seats);
            TimeRange period = period(startsAt, endsAt);
            attempt =
                    new Attempt(resource.id().toString(), resource.name(), period.start(), period.end(), count, false);
            BookingService.Request request = new BookingService.Request(resource.id(), period, count, null);
            if ("1".equals(review)) {
                Quote quote = quotes.forBooking(
                        caller.requirePerson(), request, request.period().start());
                if (!quote.lines().isEmpty()) {
                    return confirmation(
                            attempt,
                            quote,
                            "/" + place + "/book/" + resource.id() + "?week=" + Forms.dayOr(week, today()),
                            week,
                            null,
                            "resource");
                }
            }
            Booking booking = bookings.book(Booker.of(caller), request);
            return afterBooking(place, booking);
        } catch (DomainException refused) {
            Attempt tried = attempt == null ? null : withFull(attempt, refused);
            return pages.refused(refused, error -> resourcePage(id, Week.of(week, today()), typed, error, tried));
        }
    }

    private TemplateInstance weekPage(Week week, String kind, String error, Attempt attempt) {
        ZoneId zone = placeContext.require().zone();
        List<AvailabilityService.OfResource> all = availability.ofPlace(week.monday(), week.sunday());
        List<String> kinds =
                all.stream().map(r -> r.resource().kind()).distinct().toList();
        String chosen = kind != null && kinds.contains(kind) ? kind : null;
        List<AvailabilityService.OfResource> shown = all.stream()
                .filter(r -> chosen == null || r.resource().kind().equals(chosen))
                .toList();
        Map<UUID, List<Session>> sessions = new HashMap<>();
        for (var of : shown) {
            if (of.resource().scheduling() == Scheduling.SESSIONS && !of.free().isEmpty()) {
                sessions.put(
                        of.resource().id().value(),
                        schedules.sessions(of.resource().id(), week.range(zone)));
            }
        }
        return pages.page(weekTemplate)
                .data("week", week)
                .data("today", today())
                .data("days", FreeSlots.byDay(week, shown, sessions, zone))
                .data("kinds", kinds)
                .data("kind", chosen)
                .data("error", error)
                .data("attempt", attempt);
    }

    private TemplateInstance resourcePage(UUID id, Week week, LongForm typed, String error, Attempt attempt) {
        ZoneId zone = placeContext.require().zone();
        Resource resource = resources.find(new ResourceId(id));
        var free = availability.of(resource.id(), week.monday(), week.sunday());
        List<Session> sessions = resource.scheduling() == Scheduling.SESSIONS
                ? schedules.sessions(resource.id(), week.range(zone))
                : List.of();
        List<FreeSlots.Slot> slots = FreeSlots.slots(resource, free, sessions);
        List<FreeSlots.Day> days = FreeSlots.byDay(
                week,
                List.of(new AvailabilityService.OfResource(resource, free)),
                Map.of(resource.id().value(), sessions),
                zone);
        int maxSeats = resource.bookedWhole()
                ? 1
                : free.stream().mapToInt(f -> f.free()).max().orElse(resource.seatsOnOffer());
        LocalDate firstFree = slots.isEmpty()
                ? week.monday()
                : slots.get(0).start().atZone(zone).toLocalDate();
        LongForm form = typed != null ? typed : new LongForm(firstFree.toString(), null, null, "1");
        List<Option> dayOptions = week.days().stream()
                .map(d -> new Option(d.toString(), ui.day(d), d.toString().equals(form.day())))
                .toList();
        List<Option> startOptions = FreeSlots.starts(slots, zone).stream()
                .map(t -> new Option(t.toString(), t.toString(), t.toString().equals(form.from())))
                .toList();
        List<Option> endOptions = FreeSlots.ends(slots, zone).stream()
                .map(t -> new Option(t.toString(), t.toString(), t.toString().equals(form.to())))
                .toList();
        BookingRules applicable = rules.rulesFor(resource);
        return pages.page(resourceTemplate)
                .data("resource", resource)
                .data("week", week)
                .data("today", today())
                .data("days", days)
                .data("dayOptions", dayOptions)
                .data("startOptions", startOptions)
                .data("endOptions", endOptions)
                .data("bySession", resource.scheduling() == Scheduling.SESSIONS)
                .data("maxSeats", maxSeats)
                .data("form", form)
                .data("rules", applicable)
                .data("kind", null)
                .data("error", error)
                .data("attempt", attempt);
    }

    /**
     * The step before booking when something is to pay or credits are used: the quote (what credits cover, what
     * is charged) and a button that books exactly this. Free resources skip it.
     */
    private Response confirmation(Attempt attempt, Quote quote, String backTo, String week, String kind, String back) {
        List<Hidden> fields = new java.util.ArrayList<>();
        if (!Forms.isBlank(week)) {
            fields.add(new Hidden("week", week));
        }
        if (!Forms.isBlank(kind)) {
            fields.add(new Hidden("kind", kind));
        }
        if (!Forms.isBlank(back)) {
            fields.add(new Hidden("back", back));
        }
        return Response.ok(pages.page(confirmTemplate)
                        .data("attempt", attempt)
                        .data("quote", QuoteBox.of(quote, ui))
                        .data("action", "/" + placeContext.require().slug() + "/book")
                        .data("back", backTo)
                        .data("fields", fields)
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** A slot taken or full meanwhile: the member may wait for it. */
    private static Attempt withFull(Attempt attempt, DomainException refused) {
        boolean full = "booking.unavailable".equals(refused.code());
        return new Attempt(
                attempt.resourceId(), attempt.resourceName(), attempt.start(), attempt.end(), attempt.seats(), full);
    }

    private LocalDate today() {
        return clock.instant().atZone(placeContext.require().zone()).toLocalDate();
    }

    private int seats(String seats) {
        Integer count = Forms.number(seats, ui.t("book.seats"), 1, 10_000);
        return count == null ? 1 : count;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
    }

    private static TimeRange period(Instant start, Instant end) {
        if (start == null || end == null) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
        if (!end.isAfter(start)) {
            throw DomainException.invalid("booking.end-before-start", Map.of());
        }
        return new TimeRange(start, end);
    }
}
