package org.tierslieux.server.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentPdfs;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * The DocumentPdfs bean against the real database: the first call renders (with the place's logo and footer
 * from invoice_settings) and stores the PDF with its SHA-256, later calls return the stored bytes even after
 * the settings changed, the stored row cannot be changed, and a document of another place is refused. The
 * document rows are inserted through SQL here (the triggers allow inserts); the ledger's tests issue real ones.
 */
@QuarkusTest
class StoredDocumentPdfsTest {

    @Inject
    DocumentPdfs pdfs;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory directory;

    private PlaceRef place;

    @BeforeEach
    void a_place_of_its_own() {
        String slug = "pdf-" + UUID.randomUUID().toString().substring(0, 8);
        Demo.as(Demo.ADMIN)
                .body(Demo.aPlace(slug, "Lieu " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        place = directory.bySlug(slug).orElseThrow();
    }

    @Test
    void the_first_call_renders_and_stores_later_calls_return_the_stored_bytes() throws Exception {
        settings(logo(), "Pied de page du lieu : merci !");
        IssuedDocument doc = inserted(SampleDocuments.businessInvoice());

        byte[] first = scope.call(place, () -> pdfs.pdf(doc));
        assertThat(first).startsWith("%PDF-1.7".getBytes());
        FacturXValidationTest.assertValid(first, "stored-with-logo.pdf");
        FacturXValidationTest.assertHas(
                FacturXValidationTest.text(first),
                place.name(),
                "Pied de page du lieu : merci !",
                "Total TTC 516,00 €");
        assertThat(images(first)).as("the logo is drawn").isPositive();

        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(
                        "select pdf, sha256 from document_pdf where tenant_id = ? and document_id = ?")) {
            s.setObject(1, place.id().value());
            s.setObject(2, doc.id().value());
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isEqualTo(first);
                assertThat(row.getString(2)).isEqualTo(sha256(first));
                assertThat(row.next()).isFalse();
            }
        }

        // a new footer changes no PDF already rendered
        settings(null, "Un autre pied de page");
        byte[] again = scope.call(place, () -> pdfs.pdf(doc));
        assertThat(again).isEqualTo(first);
        assertThat(pdfs.fileName(doc)).isEqualTo("FA-2026-00003.pdf");
    }

    @Test
    void two_first_calls_at_once_return_the_one_stored_pdf() throws Exception {
        IssuedDocument doc = inserted(SampleDocuments.twoRatesInvoice());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return scope.call(place, () -> pdfs.pdf(doc));
                }));
            }
            start.countDown();
            byte[] a = calls.get(0).get(2, TimeUnit.MINUTES);
            byte[] b = calls.get(1).get(2, TimeUnit.MINUTES);
            // both renderings may have run; only one was kept, and both callers got it
            assertThat(a).isEqualTo(b);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement("select count(*) from document_pdf where document_id = ?")) {
            s.setObject(1, doc.id().value());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_place_without_invoice_settings_gets_a_pdf_without_logo() throws Exception {
        IssuedDocument doc = inserted(SampleDocuments.creditNote());
        byte[] pdf = scope.call(place, () -> pdfs.pdf(doc));
        assertThat(images(pdf)).isZero();
        FacturXValidationTest.assertHas(
                FacturXValidationTest.text(pdf), "AVOIR", "Avoir sur la facture n° FA-2026-00001");
    }

    @Test
    void a_stored_pdf_is_never_updated_nor_deleted() throws Exception {
        IssuedDocument doc = inserted(SampleDocuments.twoRatesInvoice());
        scope.call(place, () -> pdfs.pdf(doc));
        try (Connection c = TestDatabase.superuser();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                            "update document_pdf set sha256 = 'x' where document_id = '" + doc.id() + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("delete from document_pdf where document_id = '" + doc.id() + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("immutable");
        }
    }

    @Test
    void a_document_of_another_place_is_refused() throws Exception {
        IssuedDocument doc = inserted(SampleDocuments.exemptInvoice());
        PlaceRef other = directory.bySlug(Demo.ATELIER).orElseThrow();
        assertThatThrownBy(() -> scope.call(other, () -> pdfs.pdf(doc))).isInstanceOf(IllegalArgumentException.class);
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement("select count(*) from document_pdf where document_id = ?")) {
            s.setObject(1, doc.id().value());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isZero();
            }
        }
    }

    /** The sample, re-homed in this test's place with a fresh id and number, inserted as the ledger would. */
    private IssuedDocument inserted(IssuedDocument sample) throws SQLException {
        DocumentId id = new DocumentId(UUID.randomUUID());
        UUID original = sample.creditNote() ? UUID.randomUUID() : null;
        IssuedDocument doc = new IssuedDocument(
                id,
                place.id(),
                sample.type(),
                sample.number(),
                sample.sequence(),
                sample.issueDate(),
                sample.issuedAt(),
                sample.operationDate(),
                sample.dueDate(),
                sample.currency(),
                sample.seller(),
                sample.buyer(),
                sample.buyerPersonId(),
                sample.buyerCompanyId(),
                sample.deliveryAddress(),
                sample.operationNature(),
                sample.vatOnDebits(),
                sample.vatExemptionMention(),
                sample.mentions(),
                sample.lines(),
                sample.vatSummary(),
                sample.totalExclVat(),
                sample.totalVat(),
                sample.totalInclVat(),
                sample.paymentMethod(),
                sample.paidAt(),
                original == null ? null : new DocumentId(original),
                sample.originalNumber(),
                sample.originalIssueDate(),
                sample.reason(),
                null,
                null,
                null,
                sample.previousFootprint(),
                randomFootprint());
        try (Connection c = TestDatabase.superuser()) {
            if (original != null) {
                insert(c, original, "INVOICE", sample.originalNumber(), null);
            }
            insert(c, id.value(), sample.type().name(), sample.number(), original);
        }
        return doc;
    }

    private void insert(Connection c, UUID id, String type, String number, UUID original) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into document (tenant_id, id, type, series, sequence, number, issue_date, issued_at,"
                        + " operation_date, currency, seller, buyer, operation_nature, vat_on_debits,"
                        + " total_excl_vat, total_vat, total_incl_vat, original_id, previous_footprint, footprint)"
                        + " values (?, ?, ?, ?, ?, ?, date '2026-11-24', now(), date '2026-11-24', 'EUR',"
                        + " '{}'::jsonb, '{}'::jsonb, 'SERVICES', false, 0, 0, 0, ?, ?, ?)")) {
            s.setObject(1, place.id().value());
            s.setObject(2, id);
            s.setString(3, type);
            s.setString(4, type);
            s.setLong(5, Math.abs(id.getMostSignificantBits() % 1_000_000) + 1);
            s.setString(6, number);
            s.setObject(7, original);
            s.setString(8, "0".repeat(64));
            s.setString(9, randomFootprint());
            s.executeUpdate();
        }
    }

    private void settings(byte[] logo, String footer) throws SQLException {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(
                        "insert into invoice_settings (tenant_id, logo, logo_type, footer) values (?, ?, 'image/png', ?)"
                                + " on conflict (tenant_id) do update set logo = excluded.logo, footer = excluded.footer")) {
            s.setObject(1, place.id().value());
            s.setBytes(2, logo);
            s.setString(3, footer);
            s.executeUpdate();
        }
    }

    /** A small PNG with an alpha channel (the harder case for PDF/A: a soft mask). */
    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a, 0x6f, 0x97, 200));
        g.fillRoundRect(0, 0, 120, 40, 12, 12);
        g.setColor(Color.WHITE);
        g.fillOval(8, 8, 24, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int images(byte[] pdf) throws IOException {
        int images = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
        }
        return images;
    }

    private static String randomFootprint() {
        return sha256(UUID.randomUUID().toString().getBytes());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
