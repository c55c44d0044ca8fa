package org.tierslieux.server.billing.export;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentPdfs;
import org.tierslieux.billing.invoice.DocumentType;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * REPLACED BY INVOICING AT MERGE: stand-ins for L's {@code Invoicing} and F's {@code DocumentPdfs}, which this
 * branch does not have. They are default beans, so the real ones win as soon as they exist: the merger may simply
 * delete this class. {@code find} reads only what the ZIP needs (id, type, number, dates); the "PDF" is a short
 * text starting like a PDF and naming the document.
 */
@ApplicationScoped
class StandInDocuments {

    @Produces
    @DefaultBean
    @ApplicationScoped
    DocumentPdfs pdfs() {
        return document -> ("%PDF-1.7 stand-in for " + document.number()).getBytes(StandardCharsets.US_ASCII);
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Invoicing invoicing() {
        return new Invoicing() {
            @Override
            public IssuedDocument issue(InvoiceDraft draft) {
                throw new UnsupportedOperationException("stand-in");
            }

            @Override
            public IssuedDocument issueCreditNote(CreditNoteDraft draft) {
                throw new UnsupportedOperationException("stand-in");
            }

            @Override
            public Optional<IssuedDocument> find(DocumentId id) {
                try (Connection c = TestDatabase.superuser();
                        PreparedStatement q = c.prepareStatement(
                                "select type, number, sequence, issue_date, currency from document where id = ?")) {
                    q.setObject(1, id.value());
                    try (ResultSet r = q.executeQuery()) {
                        if (!r.next()) {
                            return Optional.empty();
                        }
                        Money zero = Money.of("0", r.getString(5));
                        return Optional.of(new IssuedDocument(
                                id,
                                null,
                                DocumentType.valueOf(r.getString(1)),
                                r.getString(2),
                                r.getLong(3),
                                r.getDate(4).toLocalDate(),
                                null,
                                r.getDate(4).toLocalDate(),
                                null,
                                r.getString(5),
                                null,
                                null,
                                null,
                                null,
                                null,
                                "SERVICES",
                                false,
                                null,
                                List.of(),
                                List.of(),
                                List.of(),
                                zero,
                                zero,
                                zero,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public List<IssuedDocument> creditNotesOf(DocumentId invoice) {
                return List.of();
            }

            @Override
            public Money creditable(DocumentId invoice) {
                throw new UnsupportedOperationException("stand-in");
            }
        };
    }
}
