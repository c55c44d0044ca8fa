package org.tierslieux.billing.pdf;

import org.tierslieux.billing.invoice.IssuedDocument;

/**
 * Renders a document to its PDF/A-3 with Factur-X, without storing anything. Features call {@link
 * org.tierslieux.billing.invoice.DocumentPdfs}, which renders once and keeps the bytes; this is public for the
 * tests that validate the output and for benchmarks that measure the rendering alone. Thread-safe.
 */
public final class DocumentPdfRenderer {

    private DocumentPdfRenderer() {}

    public static byte[] render(IssuedDocument document, Letterhead letterhead) {
        return FacturX.embed(PdfA3Layout.draw(document, letterhead), document);
    }
}
