package org.tierslieux.billing.invoice;

import java.math.BigDecimal;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/** A line to invoice, with totals already computed (by a quote): the invoice stores them as they are. */
public record DraftLine(
        String description,
        BigDecimal quantity,
        String unit,
        Money unitPriceExclVat,
        VatRate vat,
        Money totalExclVat,
        Money totalVat,
        Money totalInclVat,
        String category) {}
