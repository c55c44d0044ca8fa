package org.tierslieux.billing.invoice.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.invoice.InvoiceSettings;
import org.tierslieux.billing.invoice.InvoiceSettingsService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;

@Path("/api/v1/places/{place}/invoice-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
@Access.InPlace(Role.TREASURER)
public class InvoiceSettingsResource {

    /** The settings as the API shows and takes them; a field left out keeps its current value. */
    public record SettingsBody(
            @Size(max = 60) String invoicePattern,
            @Size(max = 60) String creditNotePattern,
            Boolean issueZeroInvoices,
            Integer transferDueDays,
            @Size(max = 200) String latePenaltyRate,
            BigDecimal recoveryFee,
            Boolean vatOnDebits,
            String operationNature,
            @Size(max = 1000) String footer,
            Boolean hasLogo,
            Long version) {

        static SettingsBody of(InvoiceSettings s) {
            return new SettingsBody(
                    s.invoicePattern(),
                    s.creditNotePattern(),
                    s.issueZeroInvoices(),
                    s.transferDueDays(),
                    s.latePenaltyRate(),
                    s.recoveryFee().stripTrailingZeros().scale() <= 0
                            ? s.recoveryFee().setScale(0, java.math.RoundingMode.UNNECESSARY)
                            : s.recoveryFee().stripTrailingZeros(),
                    s.vatOnDebits(),
                    s.operationNature(),
                    s.footer(),
                    s.hasLogo(),
                    s.version());
        }
    }

    private final InvoiceSettingsService settings;

    InvoiceSettingsResource(InvoiceSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The place's invoicing settings (numbering patterns, due delay, mentions, logo)")
    public SettingsBody get(@PathParam("place") String place) {
        return SettingsBody.of(settings.current());
    }

    @PUT
    @Operation(
            summary = "Change the invoicing settings",
            description = "Patterns: literal text with `{YYYY}`, `{YY}`, `{MM}` and one `{seq:N}`; the sequence never"
                    + " resets. `version` (optional) must be the current one (409 request.stale otherwise)."
                    + " Changes apply to documents issued afterwards; issued documents never change.")
    public SettingsBody put(@PathParam("place") String place, @Valid @NotNull SettingsBody body) {
        InvoiceSettings now = settings.current();
        InvoiceSettings next = new InvoiceSettings(
                body.invoicePattern() == null
                        ? now.invoicePattern()
                        : body.invoicePattern().strip(),
                body.creditNotePattern() == null
                        ? now.creditNotePattern()
                        : body.creditNotePattern().strip(),
                body.issueZeroInvoices() == null ? now.issueZeroInvoices() : body.issueZeroInvoices(),
                body.transferDueDays() == null ? now.transferDueDays() : body.transferDueDays(),
                body.latePenaltyRate() == null ? now.latePenaltyRate() : body.latePenaltyRate(),
                body.recoveryFee() == null ? now.recoveryFee() : body.recoveryFee(),
                body.vatOnDebits() == null ? now.vatOnDebits() : body.vatOnDebits(),
                body.operationNature() == null ? now.operationNature() : body.operationNature(),
                body.footer() == null ? now.footer() : body.footer(),
                now.logoType(),
                now.version());
        return SettingsBody.of(settings.update(next, body.version()));
    }

    @GET
    @Path("/logo")
    @Produces({"image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(summary = "The logo printed on documents")
    public Response logo(@PathParam("place") String place) {
        var logo = settings.logo().orElseThrow(() -> DomainException.notFound("invoice.logo-not-found", Map.of()));
        return Response.ok(logo.bytes(), logo.mediaType()).build();
    }

    @PUT
    @Path("/logo")
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Replace the logo: a PNG or JPEG image of at most 200 KB, sent as the request body")
    public SettingsBody putLogo(@PathParam("place") String place, byte[] image) {
        settings.setLogo(image);
        return SettingsBody.of(settings.current());
    }

    @DELETE
    @Path("/logo")
    @Operation(summary = "Remove the logo")
    public Response deleteLogo(@PathParam("place") String place) {
        settings.removeLogo();
        return Response.noContent().build();
    }
}
