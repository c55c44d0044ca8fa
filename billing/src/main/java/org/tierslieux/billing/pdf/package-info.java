/**
 * The PDF of invoices and credit notes: an A4 PDF/A-3 drawn with OpenPDF in French (the legal language), fonts
 * embedded (Liberation), sRGB output intent and XMP metadata, then carrying its Factur-X XML (EN 16931 profile)
 * embedded by Mustang. {@link org.tierslieux.billing.pdf.StoredDocumentPdfs} renders a document once and keeps
 * the bytes in {@code document_pdf} (insert only); later calls return the stored bytes.
 */
package org.tierslieux.billing.pdf;
