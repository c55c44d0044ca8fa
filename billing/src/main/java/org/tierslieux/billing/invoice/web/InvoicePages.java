package org.tierslieux.billing.invoice.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentStore;
import org.tierslieux.billing.invoice.InvoiceQueries;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;

/** "My invoices": the documents billed to the member (or to a company whose billing contact they are), with PDFs. */
@Path("/{place}/invoices")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class InvoicePages {

    private static final int SIZE = 50;

    private final InvoiceQueries queries;
    private final Caller caller;
    private final Pages pages;
    private final Template list;

    InvoicePages(
            InvoiceQueries queries, Caller caller, Pages pages, @Location("billing/my-invoices.html") Template list) {
        this.queries = queries;
        this.caller = caller;
        this.pages = pages;
        this.list = list;
    }

    @GET
    public TemplateInstance mine(
            @PathParam("place") String place, @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page) {
        var viewer = new InvoiceQueries.Viewer(caller.requirePerson(), false);
        var filter = DocumentStore.Filter.all();
        List<Rows> rows =
                queries.list(viewer, filter, page, SIZE).stream().map(Rows::of).toList();
        long total = queries.count(viewer, filter);
        return pages.page(list)
                .data("rows", rows)
                .data("page", page)
                .data("previous", page > 0 ? page - 1 : null)
                .data("next", (long) (page + 1) * SIZE < total ? page + 1 : null);
    }

    /** The PDF of one of the member's documents (a treasurer may download any). */
    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response pdf(@PathParam("place") String place, @PathParam("id") UUID id) {
        var viewer = new InvoiceQueries.Viewer(caller.requirePerson(), caller.has(Role.TREASURER));
        var pdf = queries.pdf(viewer, new DocumentId(id));
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .build();
    }
}
