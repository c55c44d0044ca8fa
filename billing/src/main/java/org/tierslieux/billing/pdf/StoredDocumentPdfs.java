package org.tierslieux.billing.pdf;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.tierslieux.billing.invoice.DocumentPdfs;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Renders a document's PDF on first demand and keeps it in {@code document_pdf}: the table refuses updates and
 * deletes, so the first rendering is the PDF for ever (a later logo or footer changes no issued PDF). Two first
 * demands at once both render, one insert wins ({@code on conflict do nothing}) and both return the stored bytes.
 */
@ApplicationScoped
class StoredDocumentPdfs implements DocumentPdfs {

    private final Clock clock;
    private final PlaceContext placeContext;

    StoredDocumentPdfs(Clock clock, PlaceContext placeContext) {
        this.clock = clock;
        this.placeContext = placeContext;
    }

    @Override
    @Transactional
    public byte[] pdf(IssuedDocument document) {
        PlaceRef place = placeContext.require();
        if (!place.id().equals(document.place())) {
            throw new IllegalArgumentException(
                    "Document " + document.number() + " belongs to another place than " + place.slug());
        }
        byte[] stored = stored(document);
        if (stored != null) {
            return stored;
        }
        byte[] pdf = DocumentPdfRenderer.render(document, letterhead(place));
        em().createNativeQuery("insert into document_pdf (tenant_id, document_id, pdf, sha256, created_at)"
                        + " values (:t, :d, :pdf, :sha, :at) on conflict do nothing")
                .setParameter("t", place.id().value())
                .setParameter("d", document.id().value())
                .setParameter("pdf", pdf)
                .setParameter("sha", sha256(pdf))
                .setParameter("at", clock.instant())
                .executeUpdate();
        return stored(document);
    }

    private byte[] stored(IssuedDocument document) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em().createNativeQuery(
                        "select pdf from document_pdf where tenant_id = :t and document_id = :d")
                .setParameter("t", document.place().value())
                .setParameter("d", document.id().value())
                .getResultList();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private Letterhead letterhead(PlaceRef place) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select logo, footer from invoice_settings where tenant_id = :t")
                .setParameter("t", place.id().value())
                .getResultList();
        byte[] logo = rows.isEmpty() ? null : (byte[]) rows.getFirst()[0];
        String footer = rows.isEmpty() ? null : (String) rows.getFirst()[1];
        return new Letterhead(place.name(), place.zone(), logo, footer);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
