package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.tenancy.PlaceContext;

/** Reads and changes the current place's invoicing settings; changes apply to documents issued after. */
@ApplicationScoped
public class InvoiceSettingsService {

    public static final int MAX_LOGO_BYTES = 200 * 1024;
    private static final Set<String> NATURES = Set.of("SERVICES", "GOODS", "MIXED");

    /** A logo as stored: its bytes and media type. */
    public record Logo(byte[] bytes, String mediaType) {}

    private final PlaceContext placeContext;

    InvoiceSettingsService(PlaceContext placeContext) {
        this.placeContext = placeContext;
    }

    @Transactional
    public InvoiceSettings current() {
        return Jdbc.one(
                        "select invoice_pattern, credit_note_pattern, issue_zero_invoices, transfer_due_days,"
                                + " late_penalty_rate, recovery_fee, vat_on_debits, operation_nature, footer,"
                                + " logo_type, version from invoice_settings where tenant_id = ?",
                        r -> new InvoiceSettings(
                                r.getString(1),
                                r.getString(2),
                                r.getBoolean(3),
                                r.getInt(4),
                                r.getString(5),
                                r.getBigDecimal(6),
                                r.getBoolean(7),
                                r.getString(8),
                                r.getString(9),
                                r.getString(10),
                                r.getLong(11)),
                        place())
                .orElse(InvoiceSettings.DEFAULTS);
    }

    /**
     * Saves the settings (the logo is kept). {@code expectedVersion}, when given, must be the current one (409
     * {@code request.stale} otherwise).
     */
    @Transactional
    public InvoiceSettings update(InvoiceSettings s, Long expectedVersion) {
        Numbering.check(s.invoicePattern());
        Numbering.check(s.creditNotePattern());
        if (Numbering.literalPart(s.invoicePattern()).equals(Numbering.literalPart(s.creditNotePattern()))) {
            throw DomainException.invalid("invoice.patterns-alike", Map.of());
        }
        if (s.transferDueDays() < 0 || s.transferDueDays() > 60) {
            throw DomainException.invalid("invoice.due-days-invalid", Map.of("max", 60));
        }
        if (s.recoveryFee() == null || s.recoveryFee().compareTo(new BigDecimal("40")) < 0) {
            // art. D441-5 du code de commerce: 40 euros, a minimum
            throw DomainException.invalid("invoice.recovery-fee-invalid", Map.of("min", "40"));
        }
        if (s.recoveryFee().scale() > 4 || s.recoveryFee().compareTo(new BigDecimal("100000")) > 0) {
            throw DomainException.invalid("invoice.recovery-fee-invalid", Map.of("min", "40"));
        }
        if (s.latePenaltyRate() == null
                || s.latePenaltyRate().isBlank()
                || s.latePenaltyRate().length() > 200) {
            throw DomainException.invalid("invoice.penalty-rate-invalid", Map.of());
        }
        if (!NATURES.contains(s.operationNature())) {
            throw DomainException.invalid("invoice.nature-invalid", Map.of("known", "SERVICES, GOODS, MIXED"));
        }
        if (s.footer() != null && s.footer().length() > 1000) {
            throw DomainException.invalid("invoice.footer-too-long", Map.of("max", 1000));
        }
        ensureRow();
        Jdbc.one("select version from invoice_settings where tenant_id = ? for update", r -> r.getLong(1), place())
                .filter(v -> expectedVersion == null || v.equals(expectedVersion))
                .orElseThrow(() -> DomainException.conflict("request.stale", Map.of()));
        Jdbc.update(
                "update invoice_settings set invoice_pattern = ?, credit_note_pattern = ?, issue_zero_invoices = ?,"
                        + " transfer_due_days = ?, late_penalty_rate = ?, recovery_fee = ?, vat_on_debits = ?,"
                        + " operation_nature = ?, footer = ?, version = version + 1 where tenant_id = ?",
                s.invoicePattern(),
                s.creditNotePattern(),
                s.issueZeroInvoices(),
                s.transferDueDays(),
                s.latePenaltyRate().strip(),
                s.recoveryFee(),
                s.vatOnDebits(),
                s.operationNature(),
                s.footer() == null || s.footer().isBlank() ? null : s.footer().strip(),
                place());
        return current();
    }

    /** The place's logo, if any. */
    @Transactional
    public Optional<Logo> logo() {
        return Jdbc.one(
                "select logo, logo_type from invoice_settings where tenant_id = ? and logo is not null",
                r -> new Logo(r.getBytes(1), r.getString(2)),
                place());
    }

    /** Replaces the logo: PNG or JPEG (checked on the bytes), at most 200 KB. */
    @Transactional
    public void setLogo(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("invoice.logo-missing", Map.of());
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw DomainException.invalid("invoice.logo-too-large", Map.of("max", "200 KB"));
        }
        String type = mediaType(bytes);
        if (type == null) {
            throw DomainException.invalid("invoice.logo-type", Map.of("known", "PNG, JPEG"));
        }
        ensureRow();
        Jdbc.update(
                "update invoice_settings set logo = ?, logo_type = ?, version = version + 1 where tenant_id = ?",
                bytes,
                type,
                place());
    }

    @Transactional
    public void removeLogo() {
        ensureRow();
        Jdbc.update(
                "update invoice_settings set logo = null, logo_type = null, version = version + 1 where tenant_id = ?",
                place());
    }

    static String mediaType(byte[] b) {
        if (b.length > 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private void ensureRow() {
        Jdbc.update("insert into invoice_settings (tenant_id) values (?) on conflict do nothing", place());
    }

    private java.util.UUID place() {
        return placeContext.require().id().value();
    }
}
