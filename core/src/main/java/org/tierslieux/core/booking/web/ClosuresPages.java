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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.Closures;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * Closures and maintenance blocks for managers. Closing over existing bookings keeps them; the next page lists
 * them with the choice to keep them or cancel them all with the reason, which their members receive.
 */
@Path("/{place}/manage/closures")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class ClosuresPages {

    /** A closure with the name of what it closes (null: the whole place). */
    @TemplateData
    public record Line(Closure closure, String resource) {
        public Instant start() {
            return closure.period().start();
        }

        public Instant end() {
            return closure.period().end();
        }

        public boolean maintenance() {
            return closure.kind() == ClosureKind.MAINTENANCE;
        }
    }

    /** A booking the closure meets, with its member and resource. */
    @TemplateData
    public record Affected(Booking booking, String who, String resource) {}

    /** The add form as typed. */
    @TemplateData
    public record ClosureForm(String resourceId, String kind, String start, String end, String reason) {}

    private final Closures closures;
    private final ScheduleService schedules;
    private final ResourceService resources;
    private final PeopleService people;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Ui ui;
    private final Pages pages;
    private final Template listTemplate;
    private final Template impactTemplate;

    ClosuresPages(
            Closures closures,
            ScheduleService schedules,
            ResourceService resources,
            PeopleService people,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Ui ui,
            Pages pages,
            @Location("core/manage-closures.html") Template listTemplate,
            @Location("core/manage-closure.html") Template impactTemplate) {
        this.closures = closures;
        this.schedules = schedules;
        this.resources = resources;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.ui = ui;
        this.pages = pages;
        this.listTemplate = listTemplate;
        this.impactTemplate = impactTemplate;
    }

    @GET
    public TemplateInstance list(@PathParam("place") String place, @QueryParam("done") String done) {
        return listPage(new ClosureForm("", "CLOSURE", "", "", ""), null)
                .data("done", "reopened".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("place") String place,
            @RestForm String resourceId,
            @RestForm String kind,
            @RestForm String start,
            @RestForm String end,
            @RestForm String reason) {
        var typed = new ClosureForm(resourceId, kind, start, end, reason);
        try {
            ResourceId resource = Forms.isBlank(resourceId)
                    ? null
                    : resources
                            .find(new ResourceId(Forms.id(resourceId, "resource.not-found")))
                            .id();
            ClosureKind closureKind = "MAINTENANCE".equals(kind) ? ClosureKind.MAINTENANCE : ClosureKind.CLOSURE;
            if (reason != null && reason.length() > 500) {
                throw DomainException.invalid("form.too-long", Map.of("field", ui.t("closures.reason"), "max", 500));
            }
            var impact = closures.close(Booker.of(caller), resource, closureKind, period(start, end), reason);
            return Pages.redirect(
                    "/" + place + "/manage/closures/" + impact.closure().id());
        } catch (DomainException refused) {
            return pages.refused(refused, error -> listPage(typed, error).data("done", null));
        }
    }

    /** A closure and the bookings it meets, with the choice to keep or cancel them. */
    @GET
    @Path("{id}")
    public TemplateInstance impact(
            @PathParam("place") String place, @PathParam("id") UUID id, @QueryParam("cancelled") String cancelled) {
        return impactPage(id, null)
                .data(
                        "cancelled",
                        cancelled != null && cancelled.matches("[0-9]{1,6}") ? Integer.valueOf(cancelled) : null);
    }

    @POST
    @Path("{id}/cancel-affected")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelAffected(
            @PathParam("place") String place, @PathParam("id") UUID id, @RestForm String reason) {
        try {
            List<Booking> cancelled = closures.cancelAffected(Booker.of(caller), id, reason);
            return Pages.redirect("/" + place + "/manage/closures/" + id + "?cancelled=" + cancelled.size());
        } catch (DomainException refused) {
            return pages.refused(refused, error -> impactPage(id, error).data("cancelled", null));
        }
    }

    /** Reopens: the closure is removed (bookings it cancelled stay cancelled). */
    @POST
    @Path("{id}/delete")
    public Response reopen(@PathParam("place") String place, @PathParam("id") UUID id) {
        schedules.reopen(id);
        return Pages.redirect("/" + place + "/manage/closures?done=reopened");
    }

    private TemplateInstance listPage(ClosureForm form, String error) {
        Instant now = clock.instant();
        Map<UUID, String> names = resources.names();
        List<Line> upcoming = schedules.closures(new TimeRange(now, now.plus(3660, ChronoUnit.DAYS))).stream()
                .map(c ->
                        new Line(c, c.resource().map(r -> names.get(r.value())).orElse(null)))
                .toList();
        List<BookingPages.Option> choices = resources.active().stream()
                .map(r -> new BookingPages.Option(
                        r.id().toString(), r.name(), r.id().toString().equals(form.resourceId())))
                .toList();
        return pages.page(listTemplate)
                .data("closures", upcoming)
                .data("choices", choices)
                .data("form", form)
                .data("error", error);
    }

    private TemplateInstance impactPage(UUID id, String error) {
        var impact = closures.impact(id);
        Map<UUID, String> names = resources.names();
        Map<UUID, String> who = people.displayNames(impact.affected().stream()
                .map(b -> b.person().value())
                .distinct()
                .toList());
        List<Affected> affected = impact.affected().stream()
                .map(b -> new Affected(
                        b,
                        who.getOrDefault(b.person().value(), "?"),
                        names.get(b.resourceId().value())))
                .toList();
        Closure c = impact.closure();
        return pages.page(impactTemplate)
                .data(
                        "line",
                        new Line(c, c.resource().map(r -> names.get(r.value())).orElse(null)))
                .data("affected", affected)
                .data("error", error);
    }

    private TimeRange period(String start, String end) {
        ZoneId zone = placeContext.require().zone();
        LocalDateTime from = Forms.dateTime(start, ui.t("closures.start"));
        LocalDateTime to = Forms.dateTime(end, ui.t("closures.end"));
        if (from == null || to == null) {
            throw DomainException.invalid("booking.period-missing", Map.of());
        }
        if (from.getYear() < 2000 || to.getYear() > 2200) {
            throw DomainException.invalid("booking.absurd-date", Map.of());
        }
        Instant startsAt = from.atZone(zone).toInstant();
        Instant endsAt = to.atZone(zone).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw DomainException.invalid("booking.end-before-start", Map.of());
        }
        return new TimeRange(startsAt, endsAt);
    }
}
