package org.tierslieux.coworking.observatory.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.coworking.observatory.Figures.NetworkFigures;
import org.tierslieux.coworking.observatory.ObservatoryPeriod;
import org.tierslieux.coworking.observatory.ObservatoryService;
import org.tierslieux.coworking.observatory.OpenData;

@Path("/api/v1/network/observatory")
@Tag(name = "Observatory")
public class NetworkObservatoryResource {

    /** The network's days are read in this zone when no dates are given (the places' own zones cut the figures). */
    private static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    private final ObservatoryService observatory;
    private final java.time.Clock clock;

    NetworkObservatoryResource(ObservatoryService observatory, java.time.Clock clock) {
        this.observatory = observatory;
        this.clock = clock;
    }

    private NetworkFigures figures(String from, String to, String granularity) {
        return observatory.forNetwork(ObservatoryPeriod.parse(from, to, granularity, observatory.today(NETWORK_ZONE)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access.NetworkAdmin
    @Operation(
            summary = "The network's observatory: every place's figures and the network's totals",
            description = "Same parameters as a place's observatory. Totals add the places up (a person active at"
                    + " two places counts at both).")
    public NetworkFigures network(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        return figures(from, to, granularity);
    }

    @GET
    @Path("/open-data.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(
            summary = "Open data: the observatory's aggregates (public, no personal data)",
            description = "One row per place (or 'network' for the totals), period and measure.")
    public Map<String, Object> openDataJson(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        NetworkFigures figures = figures(from, to, granularity);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", "tierslieux-observatory");
        body.put("generatedAt", Instant.now(clock).toString());
        body.put("from", figures.from().toString());
        body.put("to", figures.to().toString());
        body.put("granularity", figures.granularity().name().toLowerCase(java.util.Locale.ROOT));
        body.put("rows", OpenData.rows(figures));
        return body;
    }

    @GET
    @Path("/open-data.csv")
    @Produces("text/csv")
    @Access.Public
    @Operation(summary = "Open data as CSV (public, no personal data)")
    public Response openDataCsv(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        NetworkFigures figures = figures(from, to, granularity);
        return Response.ok(OpenData.csv(OpenData.rows(figures)), "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"observatory-" + figures.from() + "-" + figures.to() + ".csv\"")
                .build();
    }
}
