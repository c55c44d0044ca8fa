package org.tierslieux.billing.invoice;

/**
 * The PDF of an issued document: PDF/A-3, A4, fonts embedded, carrying its Factur-X XML (EN 16931). Rendered
 * once and kept (table {@code document_pdf}); the same bytes every time after.
 */
public interface DocumentPdfs {

    /** The document's PDF, rendered and stored on first call (in the current place and transaction). */
    byte[] pdf(IssuedDocument document);

    /** The conventional file name, e.g. {@code FA-2026-00042.pdf}. */
    default String fileName(IssuedDocument document) {
        return document.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }
}
