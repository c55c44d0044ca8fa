package org.tierslieux.billing.invoice;

import java.util.List;
import java.util.Optional;
import org.tierslieux.core.kernel.Money;

/**
 * Issues legal documents. Both issuing methods join the caller's transaction (so that an order, its payment
 * and its invoice commit together or not at all) and act in the current place: they take the next number of
 * the series and the chain head under row locks, compute the footprint, and insert the document. A document is
 * dated today in the place's zone; a date inside a closed period is refused ({@code invoice.period-closed}).
 */
public interface Invoicing {

    IssuedDocument issue(InvoiceDraft draft);

    IssuedDocument issueCreditNote(CreditNoteDraft draft);

    /** A document of the current place. */
    Optional<IssuedDocument> find(DocumentId id);

    /** The credit notes issued against an invoice, oldest first. */
    List<IssuedDocument> creditNotesOf(DocumentId invoice);

    /** How much (including VAT) is still creditable on an invoice: its total minus its credit notes. */
    Money creditable(DocumentId invoice);
}
