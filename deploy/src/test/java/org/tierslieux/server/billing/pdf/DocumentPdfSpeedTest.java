package org.tierslieux.server.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.pdf.DocumentPdfRenderer;
import org.tierslieux.billing.pdf.Letterhead;

/**
 * A speed figure for the renewal benchmark: N invoices (200 by default, {@code -Dtl.pdf.bench.n}) rendered to
 * PDF/A-3 with Factur-X on one thread, after a warm-up; wall time and the thread's CPU time per document (the
 * latter holds on a busy machine). Printed, not asserted (the machine is shared): only a gross regression (over a
 * second per document) fails.
 */
class DocumentPdfSpeedTest {

    @Test
    void renders_invoices_and_prints_the_time_per_document() {
        int n = Integer.getInteger("tl.pdf.bench.n", 200);
        IssuedDocument doc = SampleDocuments.businessInvoice();
        Letterhead head = SampleDocuments.letterhead("La Filature");
        for (int i = 0; i < 30; i++) {
            DocumentPdfRenderer.render(doc, head);
        }
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bytes += DocumentPdfRenderer.render(doc, head).length;
        }
        double msPerDocument = (System.nanoTime() - start) / 1e6 / n;
        // the CPU time of the rendering thread: what a document costs, whatever else the machine is doing
        double cpuMsPerDocument = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
        System.out.printf(
                "[pdf-speed] %d invoices (2 lines, PDF/A-3 + Factur-X EN 16931): %.1f ms per document on one thread"
                        + " (%.1f ms of CPU), %d bytes on average, %d processors, load average %.1f%n",
                n,
                msPerDocument,
                cpuMsPerDocument,
                bytes / n,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        assertThat(msPerDocument).isLessThan(1000);
    }
}
