package org.tierslieux.billing.invoice;

import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/** The VAT summary of a document for one rate: the base excluding VAT and the VAT. */
public record VatLine(VatRate rate, Money baseExclVat, Money vat) {}
