package org.tierslieux.billing.closing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.closing.ClosingService;
import org.tierslieux.billing.closing.ClosingView;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/closings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
@Access.InPlace(Role.TREASURER)
public class ClosingsResource {

    /** {@code {"kind": "MONTH", "period": "2026-10"}} or {@code {"kind": "YEAR", "period": "2026"}}. */
    public record CloseRequest(
            @NotBlank @Size(max = 8) String kind,
            @NotBlank @Size(max = 10) String period) {}

    private final ClosingService closings;
    private final PlaceContext placeContext;
    private final Caller caller;

    ClosingsResource(ClosingService closings, PlaceContext placeContext, Caller caller) {
        this.closings = closings;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The closed periods, latest first")
    public List<ClosingView> list(@PathParam("place") String place) {
        return closings.all().stream()
                .map(c -> ClosingView.of(c, placeContext.require().zone()))
                .toList();
    }

    @POST
    @Operation(
            summary = "Close a past month or year",
            description = "Refused: a period not over yet (422 closing.period-open), a period already closed (409"
                    + " closing.already-closed), a broken footprint chain (409 closing.chain-broken). Afterwards no"
                    + " document can be dated inside the period (409 invoice.period-closed).")
    public Response close(@PathParam("place") String place, @Valid @NotNull CloseRequest request) {
        var closing = closings.close(request.kind(), request.period(), caller.requirePerson());
        return Response.status(201)
                .entity(ClosingView.of(closing, placeContext.require().zone()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One closing")
    public ClosingView get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return ClosingView.of(closings.get(id), placeContext.require().zone());
    }

    @GET
    @Path("/{id}/archive")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The period's archive (ZIP)",
            description = "Built once at closing and stored: documents as JSON and canonical text, their PDFs,"
                    + " SHA256SUMS. Its SHA-256 is the closing's `archiveSha256`.")
    public Response archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        var archive = closings.archive(id);
        return Response.ok(archive.bytes(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .header(
                        "Digest",
                        "sha-256="
                                + java.util.Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of().parseHex(archive.sha256())))
                .build();
    }
}
