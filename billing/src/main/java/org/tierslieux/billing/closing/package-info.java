/**
 * Period closing: a treasurer seals a past month or year. The closing records the period's totals, the footprint
 * of its last document and a footprint of its own chained to the place's previous closing; it yields an archive
 * (ZIP) of every document of the period as JSON and as canonical text, their PDFs and a SHA256SUMS file. The
 * database then refuses any document dated inside the period.
 */
package org.tierslieux.billing.closing;
