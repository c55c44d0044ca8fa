package org.tierslieux.billing.invoice.web;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import org.tierslieux.billing.invoice.DocumentStore;

/** A document in a page's list, its amounts ready to print. */
@TemplateData
public record Rows(
        String id,
        String type,
        boolean creditNote,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String buyer,
        String excl,
        String vat,
        String incl,
        String paymentMethod,
        String originalId) {

    static Rows of(DocumentStore.Summary s) {
        return new Rows(
                s.id().toString(),
                s.type().name(),
                s.type() == org.tierslieux.billing.invoice.DocumentType.CREDIT_NOTE,
                s.number(),
                s.issueDate(),
                s.dueDate(),
                s.buyerName(),
                Amounts.print(s.totalExclVat()),
                Amounts.print(s.totalVat()),
                Amounts.print(s.totalInclVat()),
                s.paymentMethod(),
                s.originalId() == null ? null : s.originalId().toString());
    }
}
