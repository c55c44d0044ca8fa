package org.tierslieux.billing.export.web;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.tierslieux.billing.export.Exports;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;

/**
 * The treasurer's exports: a form per file, each downloading from this page's own paths (the pages' session, not
 * the API's credentials). A refused range shows the page again with the reason.
 */
@Path("/{place}/treasury/exports")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.TREASURER)
public class ExportsPages {

    /** The forms as typed (or suggested: last month, last year). */
    @TemplateData
    public record ExportForm(String from, String to, String year) {}

    private final Exports exports;
    private final Pages pages;
    private final Template template;

    ExportsPages(Exports exports, Pages pages, @Location("billing/treasury-exports.html") Template template) {
        this.exports = exports;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance page(@PathParam("place") String place) {
        return page(suggested(), null);
    }

    @GET
    @Path("invoices.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response invoicesCsv(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        return download(
                () -> exports.invoicesCsv(from, to),
                new ExportForm(from, to, suggested().year()));
    }

    @GET
    @Path("fec")
    @Produces({"text/plain", MediaType.TEXT_HTML})
    public Response fec(@PathParam("place") String place, @QueryParam("year") String year) {
        ExportForm s = suggested();
        return download(() -> exports.fec(year), new ExportForm(s.from(), s.to(), year));
    }

    @GET
    @Path("pdfs.zip")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Response pdfs(
            @PathParam("place") String place, @QueryParam("from") String from, @QueryParam("to") String to) {
        return download(
                () -> exports.pdfs(from, to),
                new ExportForm(from, to, suggested().year()));
    }

    private Response download(Supplier<Exports.Download> prepare, ExportForm typed) {
        try {
            Exports.Download download = prepare.get();
            StreamingOutput body = download.body()::writeTo;
            return Response.ok(body, download.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(typed, error));
        }
    }

    private ExportForm suggested() {
        LocalDate today = exports.today();
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        return new ExportForm(
                lastMonth.toString(),
                lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()).toString(),
                Integer.toString(today.getYear() - 1));
    }

    private TemplateInstance page(ExportForm form, String error) {
        return pages.page(template).data("form", form).data("error", error);
    }
}
