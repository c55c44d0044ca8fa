package org.tierslieux.billing.invoice.api;

import java.time.LocalDate;
import java.util.UUID;
import org.tierslieux.billing.invoice.DocumentStore;
import org.tierslieux.billing.invoice.api.DocumentResponse.Amount;

/** One document in a list. {@code originalId}: for a credit note, the invoice it corrects. */
public record DocumentSummary(
        UUID id,
        String type,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String buyerName,
        Amount totalExclVat,
        Amount totalVat,
        Amount totalInclVat,
        String paymentMethod,
        UUID originalId) {

    static DocumentSummary of(DocumentStore.Summary s) {
        return new DocumentSummary(
                s.id().value(),
                s.type().name(),
                s.number(),
                s.issueDate(),
                s.dueDate(),
                s.buyerName(),
                Amount.of(s.totalExclVat()),
                Amount.of(s.totalVat()),
                Amount.of(s.totalInclVat()),
                s.paymentMethod(),
                s.originalId() == null ? null : s.originalId().value());
    }
}
