package org.tierslieux.coworking.network.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.network.NetworkSettings;
import org.tierslieux.coworking.network.SettlementAccess;
import org.tierslieux.coworking.network.Settlements;

/** The month's settlement for treasurers (their places) and network admins (all), with its CSV. */
@Path("/network/settlements")
@Produces(MediaType.TEXT_HTML)
@Access.SignedIn
public class SettlementPages {

    private final Settlements settlements;
    private final SettlementAccess access;
    private final NetworkSettings settings;
    private final Pages pages;
    private final Clock clock;
    private final Template template;

    SettlementPages(
            Settlements settlements,
            SettlementAccess access,
            NetworkSettings settings,
            Pages pages,
            Clock clock,
            @Location("coworking/network-settlements.html") Template template) {
        this.settlements = settlements;
        this.access = access;
        this.settings = settings;
        this.pages = pages;
        this.clock = clock;
        this.template = template;
    }

    @GET
    public TemplateInstance page(@QueryParam("month") String month) {
        YearMonth m = YearMonth.from(clock.instant().atZone(ZoneId.of("Europe/Paris")));
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException ignored) {
                // a tampered month: this month
            }
        }
        return pages.page(template)
                .data("report", settlements.of(m, access.places()))
                .data("terms", settings.terms());
    }
}
