package org.tierslieux.billing.invoice;

import java.math.BigDecimal;

/**
 * A place's invoicing settings (table {@code invoice_settings}; the defaults when the place never saved any).
 * {@code operationNature}: SERVICES, GOODS or MIXED. {@code logoType} is null when there is no logo.
 */
public record InvoiceSettings(
        String invoicePattern,
        String creditNotePattern,
        boolean issueZeroInvoices,
        int transferDueDays,
        String latePenaltyRate,
        BigDecimal recoveryFee,
        boolean vatOnDebits,
        String operationNature,
        String footer,
        String logoType,
        long version) {

    public static final InvoiceSettings DEFAULTS = new InvoiceSettings(
            "FA-{YYYY}-{seq:5}",
            "AV-{YYYY}-{seq:5}",
            false,
            30,
            "trois fois le taux d'intérêt légal",
            new BigDecimal("40"),
            false,
            "SERVICES",
            null,
            null,
            0);

    public boolean hasLogo() {
        return logoType != null;
    }
}
