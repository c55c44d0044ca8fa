package org.tierslieux.coworking.desk.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.desk.DeskDays;

/**
 * The hot desks of a place: for each desk pool, the desks free per day, morning and afternoon over a week, one
 * tap to book (through core's booking confirmation, which shows the carnet, day pass or plan day that pays
 * before the member confirms), and the member's desk credits left.
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

    private static final int DAYS = 7;

    private final DeskDays desks;
    private final CreditLedger ledger;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Pages pages;
    private final Template template;

    DesksPages(
            DeskDays desks,
            CreditLedger ledger,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Pages pages,
            @Location("coworking/desks.html") Template template) {
        this.desks = desks;
        this.ledger = ledger;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance week(@PathParam("place") String place, @QueryParam("from") String from) {
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
        return pages.page(template)
                .data("pools", pools)
                .data("credits", credits)
                .data("hasPack", credits.stream().anyMatch(CreditLine::pack))
                .data("from", first)
                .data("previous", first.minusDays(DAYS).isBefore(today) ? today : first.minusDays(DAYS))
                .data("showPrevious", first.isAfter(today))
                .data("next", first.plusDays(DAYS));
    }

    private static boolean desksIn(Scope scope) {
        return scope == null || scope.isResource() || DeskDays.POOL_KIND.equals(scope.kind());
    }
}
