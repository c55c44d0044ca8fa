package org.tierslieux.coworking.desk.web;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.desk.DeskAssignments;
import org.tierslieux.coworking.desk.DeskDays;

/**
 * The hot desks of a place: for each desk pool, the desks free per day, morning and afternoon over a week, one
 * tap to book (through core's booking confirmation, which shows the carnet, day pass or plan day that pays
 * before the member confirms), and the member's desk credits left. Dedicated desks on the same page: the holder's
 * "my desk" with the next days to release or take back, the named desks with the days others may book, and for
 * managers the assignments to make or end.
 */
@Path("/{place}/desks")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class DesksPages {

    /** A part of a day as the page shows it. */
    @TemplateData
    public record Cell(String part, Instant start, Instant end, int free) {
        public boolean bookable() {
            return free > 0;
        }
    }

    @TemplateData
    public record Day(LocalDate date, List<Cell> cells) {}

    @TemplateData
    public record PoolView(String id, String name, int capacity, List<Day> days) {}

    /** A lot of credits that pays for desks. */
    @TemplateData
    public record CreditLine(String label, String left, String unit, Instant expiresAt, boolean pack) {}

    /** A day of the caller's own dedicated desk. */
    @TemplateData
    public record HolderDayView(LocalDate date, String state, boolean past, boolean open) {
        public boolean canRelease() {
            return !past && "HELD".equals(state);
        }

        public boolean canTakeBack() {
            return !past && "RELEASED".equals(state);
        }
    }

    @TemplateData
    public record MyDesk(String id, String deskName, Instant startsAt, Instant endsAt, List<HolderDayView> days) {}

    /** A day of a named desk as the viewer sees it: its standing and the parts they may book. */
    @TemplateData
    public record NamedDayView(LocalDate date, String standing, List<Cell> cells) {}

    @TemplateData
    public record NamedView(String id, String name, boolean yours, List<NamedDayView> days) {}

    /** A dedicated desk's assignment as managers see it. */
    @TemplateData
    public record AssignmentView(String id, String deskName, String holderName, Instant startsAt, Instant endsAt) {}

    @TemplateData
    public record Option(String value, String label) {}

    private static final int DAYS = 7;
    private static final int HOLDER_DAYS = 14;

    private final DeskDays desks;
    private final DeskAssignments assignments;
    private final SubscriptionService subscriptions;
    private final PersonDirectory people;
    private final ResourceService resources;
    private final CreditLedger ledger;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Pages pages;
    private final Template template;

    DesksPages(
            DeskDays desks,
            DeskAssignments assignments,
            SubscriptionService subscriptions,
            PersonDirectory people,
            ResourceService resources,
            CreditLedger ledger,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Pages pages,
            @Location("coworking/desks.html") Template template) {
        this.desks = desks;
        this.assignments = assignments;
        this.subscriptions = subscriptions;
        this.people = people;
        this.resources = resources;
        this.ledger = ledger;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance week(
            @PathParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("released") String released,
            @QueryParam("takenBack") String takenBack,
            @QueryParam("assigned") String assigned,
            @QueryParam("ended") String ended) {
        return page(from, null)
                .data("released", count(released))
                .data("takenBack", count(takenBack))
                .data("assigned", assigned != null)
                .data("ended", ended != null);
    }

    /** The holder (or a manager) releases a day, or the days {@code from}..{@code to}, of a dedicated desk. */
    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(
            @PathParam("place") String place,
            @RestForm String assignment,
            @RestForm String from,
            @RestForm String to,
            @RestForm String week) {
        return changeDays(place, assignment, from, to, week, true);
    }

    /** The holder takes released days back (refused when someone booked one meanwhile). */
    @POST
    @Path("take-back")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response takeBack(
            @PathParam("place") String place,
            @RestForm String assignment,
            @RestForm String from,
            @RestForm String to,
            @RestForm String week) {
        return changeDays(place, assignment, from, to, week, false);
    }

    /** Releases ({@code release}) or takes back the days {@code from}..{@code to} (or the one day) of a desk. */
    private Response changeDays(String place, String assignment, String from, String to, String week, boolean release) {
        try {
            UUID id = Forms.id(assignment, "desk.assignment-not-found");
            LocalDate first = day(from);
            LocalDate last = Forms.isBlank(to) ? first : day(to);
            if (release) {
                assignments.release(id, caller.requirePerson(), caller.has(Role.MANAGER), first, last);
            } else {
                assignments.takeBack(id, caller.requirePerson(), caller.has(Role.MANAGER), first, last);
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
            return Pages.redirect("/" + place + "/desks?" + (release ? "released=" : "takenBack=") + days
                    + weekParam(week) + "#my-desk");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(week, error));
        }
    }

    /** A manager assigns a desk to a member's active subscription. */
    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.InPlace(Role.MANAGER)
    public Response assign(@PathParam("place") String place, @RestForm String resourceId, @RestForm String personId) {
        try {
            assignments.assign(
                    new ResourceId(Forms.id(resourceId, "resource.not-found")),
                    new PersonId(Forms.id(personId, "desk.no-subscription")),
                    null,
                    caller.requirePerson());
            return Pages.redirect("/" + place + "/desks?assigned=1#assign-desks");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(null, error));
        }
    }

    /** A manager ends an assignment now. */
    @POST
    @Path("assignments/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.InPlace(Role.MANAGER)
    public Response end(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            assignments.end(id);
            return Pages.redirect("/" + place + "/desks?ended=1#assign-desks");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(null, error));
        }
    }

    private static LocalDate day(String value) {
        LocalDate day = Forms.date(value, "date");
        if (day == null) {
            throw DomainException.invalid("desk.date-invalid", Map.of());
        }
        return day;
    }

    private static String weekParam(String week) {
        LocalDate day = Forms.dayOr(week, null);
        return day == null ? "" : "&from=" + day;
    }

    private static int count(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(999, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private TemplateInstance page(String from, String error) {
        LocalDate today = LocalDate.now(clock.withZone(placeContext.require().zone()));
        LocalDate first = Forms.dayOr(from, today);
        if (first.isBefore(today.minusDays(DAYS)) || first.isAfter(today.plusYears(2))) {
            first = today;
        }
        LocalDate last = first.plusDays(DAYS - 1);
        List<PoolView> pools = desks.between(first, last).stream()
                .map(p -> new PoolView(
                        p.resource().id().toString(),
                        p.resource().name(),
                        p.resource().capacity(),
                        p.days().stream()
                                .map(d -> new Day(
                                        d.date(),
                                        d.slots().stream()
                                                .map(s -> new Cell(
                                                        s.part().name(),
                                                        s.period().start(),
                                                        s.period().end(),
                                                        s.free()))
                                                .toList()))
                                .toList()))
                .toList();
        Instant now = clock.instant();
        List<CreditLine> credits = ledger.lots(caller.requirePerson()).stream()
                .filter(l -> l.left().signum() > 0 && now.isBefore(l.expiresAt()))
                .filter(l -> desksIn(l.scope()))
                .map(l -> new CreditLine(
                        l.label(),
                        l.left().stripTrailingZeros().toPlainString(),
                        l.unit().name(),
                        l.expiresAt(),
                        l.source() != org.tierslieux.core.credit.CreditSource.PLAN))
                .toList();
        PersonId me = caller.requirePerson();
        List<MyDesk> mine = assignments.mine(me).stream()
                .map(a -> new MyDesk(
                        a.id().toString(),
                        a.desk().name(),
                        a.startsAt(),
                        a.endsAt(),
                        assignments.days(a, today, today.plusDays(HOLDER_DAYS - 1)).stream()
                                .map(d -> new HolderDayView(d.date(), d.state().name(), d.past(), d.open()))
                                .toList()))
                .toList();
        List<NamedView> named = assignments.named(me, first, last).stream()
                .map(n -> new NamedView(
                        n.desk().id().toString(),
                        n.desk().name(),
                        n.yours(),
                        n.days().stream()
                                .map(d -> new NamedDayView(
                                        d.date(),
                                        d.standing().name(),
                                        d.bookable()
                                                ? d.slots().stream()
                                                        .map(c -> new Cell(
                                                                c.part().name(),
                                                                c.period().start(),
                                                                c.period().end(),
                                                                c.free()))
                                                        .toList()
                                                : List.of()))
                                .toList()))
                .toList();
        boolean manager = caller.has(Role.MANAGER);
        List<AssignmentView> assigned = manager
                ? assignments.list(false).stream()
                        .map(a -> new AssignmentView(
                                a.id().toString(), a.desk().name(), a.holderName(), a.startsAt(), a.endsAt()))
                        .toList()
                : List.of();
        List<Option> deskOptions = manager
                ? resources.active().stream()
                        .filter(r -> DeskDays.DESK_KIND.equals(r.kind()))
                        .map(r -> new Option(r.id().toString(), r.name()))
                        .toList()
                : List.of();
        List<Option> subscribers = manager ? subscribers() : List.of();
        return pages.page(template)
                .data("error", error)
                .data("released", 0)
                .data("takenBack", 0)
                .data("assigned", false)
                .data("ended", false)
                .data("myDesks", mine)
                .data("named", named)
                .data("assignments", assigned)
                .data("deskOptions", deskOptions)
                .data("subscribers", subscribers)
                .data("pools", pools)
                .data("credits", credits)
                .data("hasPack", credits.stream().anyMatch(CreditLine::pack))
                .data("from", first)
                .data("previous", first.minusDays(DAYS).isBefore(today) ? today : first.minusDays(DAYS))
                .data("showPrevious", first.isAfter(today))
                .data("next", first.plusDays(DAYS));
    }

    /** The members with an active subscription, by name, who may be given a desk. */
    private List<Option> subscribers() {
        Map<PersonId, String> names = new LinkedHashMap<>();
        for (var status : List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)) {
            for (var s : subscriptions.list(status, 0, 500)) {
                names.computeIfAbsent(
                        s.person(),
                        p -> people.contact(p)
                                .map(c -> c.displayName() + " (" + c.email() + ")")
                                .orElse(p.toString()));
            }
        }
        return names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new Option(e.getKey().value().toString(), e.getValue()))
                .toList();
    }

    private static boolean desksIn(Scope scope) {
        return scope == null || scope.isResource() || DeskDays.POOL_KIND.equals(scope.kind());
    }
}
