package org.tierslieux.billing.invoice.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.closing.ClosingService;
import org.tierslieux.billing.closing.ClosingView;
import org.tierslieux.billing.invoice.ChainVerifier;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.DocumentStore;
import org.tierslieux.billing.invoice.DocumentType;
import org.tierslieux.billing.invoice.InvoiceQueries;
import org.tierslieux.billing.invoice.InvoiceSettings;
import org.tierslieux.billing.invoice.InvoiceSettingsService;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/**
 * The treasurer's desk: every document with filters (dates, type, number or buyer), one document with its lines
 * and the credit-note form, the chain check, the closings, the invoicing settings; the exports have their own
 * page ({@code /{place}/treasury/exports}), linked from here. Works without JavaScript.
 */
@Path("/{place}/treasury")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.TREASURER)
public class TreasuryPages {

    private static final int SIZE = 50;

    /** A line of a document with what is left to credit on it. */
    @TemplateData
    public record LineRow(
            int position, String description, String quantity, String vat, String excl, String incl, String left) {}

    /** What the filter form holds, as typed. */
    @TemplateData
    public record Filters(String from, String to, String type, String q) {
        public String query() {
            return "from=" + enc(from) + "&to=" + enc(to) + "&type=" + enc(type) + "&q=" + enc(q);
        }

        private static String enc(String s) {
            return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final InvoiceQueries queries;
    private final Invoicing invoicing;
    private final ChainVerifier verifier;
    private final ClosingService closings;
    private final InvoiceSettingsService settings;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Pages pages;
    private final Template desk;
    private final Template document;
    private final Template verification;
    private final Template closingsPage;
    private final Template settingsPage;

    TreasuryPages(
            InvoiceQueries queries,
            Invoicing invoicing,
            ChainVerifier verifier,
            ClosingService closings,
            InvoiceSettingsService settings,
            PlaceContext placeContext,
            Caller caller,
            Pages pages,
            @Location("billing/treasury.html") Template desk,
            @Location("billing/treasury-document.html") Template document,
            @Location("billing/treasury-verification.html") Template verification,
            @Location("billing/treasury-closings.html") Template closingsPage,
            @Location("billing/treasury-settings.html") Template settingsPage) {
        this.queries = queries;
        this.invoicing = invoicing;
        this.verifier = verifier;
        this.closings = closings;
        this.settings = settings;
        this.placeContext = placeContext;
        this.caller = caller;
        this.pages = pages;
        this.desk = desk;
        this.document = document;
        this.verification = verification;
        this.closingsPage = closingsPage;
        this.settingsPage = settingsPage;
    }

    @GET
    public Response desk(
            @PathParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("type") String type,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page) {
        Filters typed = new Filters(from, to, type, q);
        try {
            DocumentType t = Forms.isBlank(type) ? null : DocumentType.valueOf(type.strip());
            var filter = new DocumentStore.Filter(
                    date(from), date(to), t, Forms.isBlank(q) ? null : q.strip(), null, List.of());
            var viewer = viewer();
            int p = Math.max(0, Math.min(page, 100_000));
            List<Rows> rows =
                    queries.list(viewer, filter, p, SIZE).stream().map(Rows::of).toList();
            long total = queries.count(viewer, filter);
            return ok(deskPage(typed, rows, total, p, null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> deskPage(typed, List.of(), 0, 0, error));
        } catch (IllegalArgumentException badType) {
            return pages.refused(
                    DomainException.invalid("invoice.type-invalid", Map.of("known", "INVOICE, CREDIT_NOTE")),
                    error -> deskPage(typed, List.of(), 0, 0, error));
        }
    }

    @GET
    @Path("invoices/{id}")
    public TemplateInstance document(@PathParam("place") String place, @PathParam("id") UUID id) {
        return documentPage(id, null, null);
    }

    @POST
    @Path("invoices/{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creditNote(
            @PathParam("place") String place, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        queries.get(viewer(), new DocumentId(id));
        String reason = form.getFirst("reason");
        try {
            if (Forms.isBlank(reason)) {
                throw DomainException.invalid("invoice.reason-required", Map.of());
            }
            List<CreditNoteDraft.CreditedLine> lines = new ArrayList<>();
            if (!"all".equals(form.getFirst("scope"))) {
                for (var e : form.entrySet()) {
                    if (e.getKey().startsWith("qty-")
                            && !Forms.isBlank(e.getValue().getFirst())) {
                        int position = Integer.parseInt(e.getKey().substring(4));
                        BigDecimal q =
                                new BigDecimal(e.getValue().getFirst().strip().replace(',', '.'));
                        if (q.signum() != 0) {
                            lines.add(new CreditNoteDraft.CreditedLine(position, q));
                        }
                    }
                }
                if (lines.isEmpty()) {
                    throw DomainException.invalid("invoice.credit-quantity-invalid", Map.of("position", "—"));
                }
            }
            IssuedDocument note = invoicing.issueCreditNote(
                    new CreditNoteDraft(new DocumentId(id), lines, reason.strip(), null, null));
            return Pages.redirect("/" + place + "/treasury/invoices/" + note.id() + "?done=credited");
        } catch (NumberFormatException bad) {
            return pages.refused(
                    DomainException.invalid("invoice.credit-quantity-invalid", Map.of("position", "—")),
                    error -> documentPage(id, error, null));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> documentPage(id, error, null));
        }
    }

    @GET
    @Path("verification")
    public TemplateInstance verification(@PathParam("place") String place) {
        return pages.page(verification).data("result", verifier.verify());
    }

    @GET
    @Path("closings")
    public TemplateInstance closings(@PathParam("place") String place) {
        return closingsPage(null, null);
    }

    @POST
    @Path("closings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("place") String place, MultivaluedMap<String, String> form) {
        String kind = form.getFirst("kind");
        String period = form.getFirst("period");
        try {
            closings.close(kind, period, caller.requirePerson());
            return Pages.redirect("/" + place + "/treasury/closings?done=closed");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> closingsPage(error, period));
        }
    }

    @GET
    @Path("closings/{id}/archive")
    @Produces({"application/zip", MediaType.TEXT_HTML})
    public Response archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        var archive = closings.archive(id);
        return Response.ok(archive.bytes(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .build();
    }

    @GET
    @Path("settings")
    public TemplateInstance settings(@PathParam("place") String place) {
        return settingsPage(settings.current(), null, false);
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@PathParam("place") String place, MultivaluedMap<String, String> form) {
        InvoiceSettings now = settings.current();
        InvoiceSettings typed;
        try {
            typed = new InvoiceSettings(
                    value(form, "invoicePattern", now.invoicePattern()),
                    value(form, "creditNotePattern", now.creditNotePattern()),
                    form.containsKey("issueZeroInvoices"),
                    Integer.parseInt(value(form, "transferDueDays", Integer.toString(now.transferDueDays()))),
                    value(form, "latePenaltyRate", now.latePenaltyRate()),
                    new BigDecimal(value(form, "recoveryFee", now.recoveryFee().toPlainString())
                            .replace(',', '.')),
                    form.containsKey("vatOnDebits"),
                    value(form, "operationNature", now.operationNature()),
                    form.getFirst("footer"),
                    now.logoType(),
                    now.version());
        } catch (NumberFormatException bad) {
            return pages.refused(
                    DomainException.invalid("invoice.due-days-invalid", Map.of("max", 60)),
                    error -> settingsPage(now, error, false));
        }
        try {
            return ok(settingsPage(settings.update(typed, null), null, true));
        } catch (DomainException refused) {
            return pages.refused(refused, error -> settingsPage(typed, error, false));
        }
    }

    private TemplateInstance deskPage(Filters typed, List<Rows> rows, long total, int page, String error) {
        return pages.page(desk)
                .data("filters", typed)
                .data("rows", rows)
                .data("total", total)
                .data("previous", page > 0 ? page - 1 : null)
                .data("next", (long) (page + 1) * SIZE < total ? page + 1 : null)
                .data("error", error);
    }

    private TemplateInstance documentPage(UUID id, String error, String done) {
        IssuedDocument d = queries.get(viewer(), new DocumentId(id));
        List<IssuedDocument> notes = d.creditNote() ? List.of() : invoicing.creditNotesOf(d.id());
        List<LineRow> lines = new ArrayList<>();
        for (DocumentLine l : d.lines()) {
            BigDecimal credited = BigDecimal.ZERO;
            for (IssuedDocument n : notes) {
                for (DocumentLine c : n.lines()) {
                    if (c.creditedPosition() != null && c.creditedPosition() == l.position()) {
                        credited = credited.add(c.quantity());
                    }
                }
            }
            lines.add(new LineRow(
                    l.position(),
                    l.description(),
                    l.quantity().stripTrailingZeros().toPlainString(),
                    l.vat().exempt() ? "—" : l.vat().code() + " %",
                    Amounts.print(l.totalExclVat()),
                    Amounts.print(l.totalInclVat()),
                    l.quantity().subtract(credited).stripTrailingZeros().toPlainString()));
        }
        return pages.page(document)
                .data("d", d)
                .data("lines", lines)
                .data("notes", notes)
                .data("excl", Amounts.print(d.totalExclVat()))
                .data("vat", Amounts.print(d.totalVat()))
                .data("incl", Amounts.print(d.totalInclVat()))
                .data("creditable", d.creditNote() ? null : Amounts.print(invoicing.creditable(d.id())))
                .data(
                        "canCredit",
                        !d.creditNote() && !invoicing.creditable(d.id()).isZero())
                .data("error", error)
                .data("done", done);
    }

    private TemplateInstance closingsPage(String error, String period) {
        var zone = placeContext.require().zone();
        return pages.page(closingsPage)
                .data(
                        "closings",
                        closings.all().stream()
                                .map(c -> ClosingView.of(c, zone))
                                .toList())
                .data("error", error)
                .data("period", period);
    }

    private TemplateInstance settingsPage(InvoiceSettings s, String error, boolean saved) {
        return pages.page(settingsPage).data("s", s).data("error", error).data("saved", saved);
    }

    private InvoiceQueries.Viewer viewer() {
        return new InvoiceQueries.Viewer(caller.requirePerson(), true);
    }

    private static Response ok(TemplateInstance page) {
        return Response.ok(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static String value(MultivaluedMap<String, String> form, String key, String fallback) {
        String v = form.getFirst(key);
        return Forms.isBlank(v) ? fallback : v.strip();
    }

    private static LocalDate date(String text) {
        if (Forms.isBlank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invoice.range-invalid", Map.of());
        }
    }
}
