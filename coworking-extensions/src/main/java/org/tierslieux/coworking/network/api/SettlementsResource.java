package org.tierslieux.coworking.network.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.coworking.network.SettlementAccess;
import org.tierslieux.coworking.network.Settlements;

@Path("/api/v1/network/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Network pass")
public class SettlementsResource {

    private final Settlements settlements;
    private final SettlementAccess access;
    private final Clock clock;

    SettlementsResource(Settlements settlements, SettlementAccess access, Clock clock) {
        this.settlements = settlements;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Access.SignedIn
    @Operation(
            summary = "The month's network pass settlement (treasurers, network admins)",
            description = "`month` YYYY-MM (this month by default; 422 network.month-invalid). Lines: host, home,"
                    + " member, desk-days, rate, amount (cancelled visits do not count); balances per place: owed"
                    + " as a host, owes as a home place, net. A treasurer sees the lines involving their places;"
                    + " a network admin all; anyone else 403 network.settlement-forbidden.")
    public Settlements.Report get(@QueryParam("month") String month) {
        return settlements.of(NetworkMonth.parse(month, clock), access.places());
    }
}
