package org.tierslieux.billing.export.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.export.Exports;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;

/**
 * The treasurer's files, streamed: the response starts as soon as the first documents are read. Bad ranges are
 * refused (422) before the first byte.
 */
@Path("/api/v1/places/{place}/exports")
@Tag(name = "Exports")
@Access.InPlace(Role.TREASURER)
public class ExportsResource {

    private final Exports exports;

    ExportsResource(Exports exports) {
        this.exports = exports;
    }

    @GET
    @Path("/invoices.csv")
    @Produces("text/csv")
    @Operation(
            summary = "Invoices and credit notes issued from `from` to `to` (YYYY-MM-DD, both included), one row per"
                    + " line",
            description = "UTF-8 with a byte order mark, `;` separator, decimal comma, ISO dates; credit notes"
                    + " negative. At most ten years; dates from 2000 to next year.")
    public Response invoicesCsv(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        return file(exports.invoicesCsv(from, to));
    }

    @GET
    @Path("/fec")
    @Produces("text/plain")
    @Operation(
            summary = "The FEC (fichier des écritures comptables, LPF art. A47 A-1) of a fiscal year",
            description = "The 18 columns in order, `|` separator, dates AAAAMMJJ, ISO-8859-15, file name"
                    + " SIRENFECAAAAMMJJ.txt. The sales journal (one balanced entry per document) and the settlement"
                    + " of documents paid at issue. 409 `export.siren-missing` when the place has no SIRET.")
    public Response fec(@PathParam("place") String place, @QueryParam("year") String year) {
        return file(exports.fec(year));
    }

    @GET
    @Path("/pdfs.zip")
    @Produces("application/zip")
    @Operation(summary = "A ZIP of the PDFs of the documents issued from `from` to `to` (YYYY-MM-DD)")
    public Response pdfs(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        return file(exports.pdfs(from, to));
    }

    static Response file(Exports.Download download) {
        StreamingOutput body = download.body()::writeTo;
        return Response.ok(body, download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
