package org.tierslieux.billing.invoice.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.invoice.ChainVerifier;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentStore;
import org.tierslieux.billing.invoice.DocumentType;
import org.tierslieux.billing.invoice.InvoiceQueries;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
public class InvoicesResource {

    /** A credit note: the whole invoice when {@code lines} is empty, else these lines (quantity null: all left). */
    public record CreditNoteRequest(
            @Valid List<@NotNull @Valid CreditedLine> lines,
            @NotBlank @Size(max = 500) String reason) {}

    public record CreditedLine(@NotNull @Min(1) Integer position, BigDecimal quantity) {}

    /** The footprint chain check, as API.md publishes it. */
    public record VerificationResponse(boolean valid, long checked, BrokenLink firstBroken) {}

    public record BrokenLink(
            UUID id, String number, LocalDate issueDate, String reason, String expected, String found) {}

    private final InvoiceQueries queries;
    private final Invoicing invoicing;
    private final ChainVerifier verifier;
    private final PlaceContext placeContext;
    private final Caller caller;

    InvoicesResource(
            InvoiceQueries queries,
            Invoicing invoicing,
            ChainVerifier verifier,
            PlaceContext placeContext,
            Caller caller) {
        this.queries = queries;
        this.invoicing = invoicing;
        this.verifier = verifier;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Invoices and credit notes, newest first",
            description = "A treasurer sees every document of the place, anyone else their own (billed to them or"
                    + " to a company whose billing contact they are). Filters: `from`, `to` (issue dates,"
                    + " inclusive), `type` (INVOICE or CREDIT_NOTE), `q` (number or buyer's name).")
    public Paged<DocumentSummary> list(
            @PathParam("place") String place,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("type") String type,
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        var filter = new DocumentStore.Filter(from, to, type(type), q, null, List.of());
        var viewer = viewer();
        var items = queries.list(viewer, filter, page, size).stream()
                .map(DocumentSummary::of)
                .toList();
        return new Paged<>(items, page, size, queries.count(viewer, filter));
    }

    @GET
    @Path("/verification")
    @Access.InPlace(Role.TREASURER)
    @Operation(
            summary = "Verify the footprint chain",
            description = "Recomputes every footprint from the genesis: `{\"valid\", \"checked\", \"firstBroken\"}`;"
                    + " `firstBroken` names the first document whose link fails (`reason`: footprint-mismatch,"
                    + " link-broken, fork or head-mismatch).")
    public VerificationResponse verification(@PathParam("place") String place) {
        var v = verifier.verify();
        var b = v.firstBroken();
        return new VerificationResponse(
                v.valid(),
                v.checked(),
                b == null
                        ? null
                        : new BrokenLink(
                                b.id() == null ? null : b.id().value(),
                                b.number(),
                                b.issueDate(),
                                b.reason(),
                                b.expected(),
                                b.found()));
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "One document with its lines, VAT summary, mentions, footprint and credit notes")
    public DocumentResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        IssuedDocument d = queries.get(viewer(), new DocumentId(id));
        return response(d);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The document's PDF (PDF/A-3 carrying its Factur-X XML)")
    public Response pdf(@PathParam("place") String place, @PathParam("id") UUID id) {
        var pdf = queries.pdf(viewer(), new DocumentId(id));
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .build();
    }

    @POST
    @Path("/{id}/credit-notes")
    @Access.InPlace(Role.TREASURER)
    @Operation(
            summary = "Issue a credit note against an invoice",
            description = "Body `{\"lines\": [{\"position\": 1, \"quantity\": \"1\"}], \"reason\": \"...\"}`; no"
                    + " lines: the whole invoice (what is left of it). Refused: a credit note of a credit note"
                    + " (422 invoice.credit-of-credit-note), more than what is left (422"
                    + " invoice.credit-above-left), nothing left (409 invoice.nothing-left-to-credit).")
    public Response creditNote(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull CreditNoteRequest request) {
        // another's (or another place's) invoice is "not found" before anything else
        queries.get(new InvoiceQueries.Viewer(caller.requirePerson(), true), new DocumentId(id));
        List<CreditNoteDraft.CreditedLine> lines = request.lines() == null
                ? List.of()
                : request.lines().stream()
                        .map(l -> new CreditNoteDraft.CreditedLine(l.position(), l.quantity()))
                        .toList();
        IssuedDocument note =
                invoicing.issueCreditNote(new CreditNoteDraft(new DocumentId(id), lines, request.reason(), null, null));
        return Response.status(201).entity(response(note)).build();
    }

    private DocumentResponse response(IssuedDocument d) {
        var slug = placeContext.require().slug();
        boolean invoice = !d.creditNote();
        return DocumentResponse.of(
                d,
                placeContext.require().zone(),
                invoice ? invoicing.creditNotesOf(d.id()) : List.of(),
                invoice ? invoicing.creditable(d.id()) : null,
                "/api/v1/places/" + slug + "/invoices/" + d.id() + "/pdf");
    }

    private InvoiceQueries.Viewer viewer() {
        return new InvoiceQueries.Viewer(caller.requirePerson(), caller.has(Role.TREASURER));
    }

    static DocumentType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return DocumentType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invoice.type-invalid", Map.of("known", "INVOICE, CREDIT_NOTE"));
        }
    }
}
