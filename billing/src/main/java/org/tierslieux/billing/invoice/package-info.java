/**
 * Invoices and credit notes: legal documents numbered per place and series without gap, immutable once issued
 * (the database refuses any change), each carrying a SHA-256 footprint chained to the previous document of its
 * place. {@link org.tierslieux.billing.invoice.Invoicing} issues them; PDF rendering, exports and period
 * closing read {@link org.tierslieux.billing.invoice.IssuedDocument}.
 */
package org.tierslieux.billing.invoice;
