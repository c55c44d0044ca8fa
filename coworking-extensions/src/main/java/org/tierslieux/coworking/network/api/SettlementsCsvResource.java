package org.tierslieux.coworking.network.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.coworking.network.SettlementAccess;
import org.tierslieux.coworking.network.Settlements;

@Path("/api/v1/network/settlements.csv")
@Tag(name = "Network pass")
public class SettlementsCsvResource {

    private final Settlements settlements;
    private final SettlementAccess access;
    private final Clock clock;

    SettlementsCsvResource(Settlements settlements, SettlementAccess access, Clock clock) {
        this.settlements = settlements;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Access.SignedIn
    @Produces("text/csv")
    @Operation(
            summary = "The month's network pass settlement as CSV",
            description = "Same lines as the JSON, `;`-separated, UTF-8, one line per host, home, member and rate,"
                    + " then one line per place: BALANCE;place;owed;owes;net.")
    public Response get(@QueryParam("month") String month) {
        var report = settlements.of(NetworkMonth.parse(month, clock), access.places());
        StringBuilder csv = new StringBuilder("host;home;member;days;rate;amount;currency\n");
        for (Settlements.Line l : report.lines()) {
            csv.append(String.join(
                            ";",
                            cell(l.hostName()),
                            cell(l.homeName()),
                            cell(l.personName()),
                            l.days().toPlainString(),
                            l.rate().amount().toPlainString(),
                            l.amount().amount().toPlainString(),
                            l.amount().currency().getCurrencyCode()))
                    .append('\n');
        }
        for (Settlements.Balance b : report.balances()) {
            csv.append(String.join(
                            ";",
                            "BALANCE",
                            cell(b.name()),
                            b.owed().amount().toPlainString(),
                            b.owes().amount().toPlainString(),
                            b.net().amount().toPlainString()))
                    .append('\n');
        }
        return Response.ok(csv.toString())
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"network-settlement-" + report.month() + ".csv\"")
                .build();
    }

    /** A CSV cell: quoted when it holds the separator, a quote or a line break; formulas defused. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
