package org.tierslieux.billing.invoice;

import java.math.BigDecimal;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/**
 * One line of an issued document, as issued: nothing is recomputed later. {@code unit} is a
 * {@link org.tierslieux.core.pricing.Unit} name or null; {@code category} says what was sold for the accounts
 * (a resource kind such as {@code DESK} or {@code MACHINE}, or {@code SUBSCRIPTION}, {@code PACK}, {@code OTHER}).
 * {@code creditedPosition} is, on a credit note, the position of the original invoice's line it reverses.
 */
public record DocumentLine(
        int position,
        String description,
        BigDecimal quantity,
        String unit,
        Money unitPriceExclVat,
        VatRate vat,
        Money totalExclVat,
        Money totalVat,
        Money totalInclVat,
        String category,
        Integer creditedPosition) {}
