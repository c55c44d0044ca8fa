package org.tierslieux.server.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.billing.pdf.DocumentPdfRenderer;
import org.tierslieux.core.pricing.VatRate;

/**
 * Invoices and credit notes rendered to PDF/A-3 + Factur-X, checked by tools outside this project: Mustang's
 * validator (veraPDF for PDF/A-3, the EN 16931 schematron for the XML) must report zero errors; the text read
 * back by OpenPDF's extractor must show the numbers, mentions and totals; Mustang's importer must read back the
 * amounts; PDFBox must find every font embedded and no standard Helvetica. A negative control proves the
 * validator is no rubber stamp. No Quarkus boot: the renderer needs no database.
 */
class FacturXValidationTest {

    @Test
    void an_invoice_at_20_and_5_5_percent_is_valid_and_shows_every_amount() throws Exception {
        IssuedDocument doc = SampleDocuments.twoRatesInvoice();
        byte[] pdf = render(doc);

        assertValid(pdf, "two-rates.pdf");
        String text = text(pdf);
        assertHas(
                text,
                "FACTURE",
                "N° FA-2026-00001",
                "Date d'émission : 24/11/2026",
                "Date de la prestation : 24/11/2026",
                "La Filature SAS",
                "SIRET : 44306184100047",
                "SIREN : 443061841",
                "N° de TVA intracommunautaire : FR12443061841",
                "Facturé à",
                "Camille Martin",
                "8 allée des Tilleuls",
                "Bureau nomade — journée",
                "Carnet « Fabriquer soi-même » (livre)",
                "25,00 €",
                "12,50 €",
                "20 %",
                "5,5 %",
                "20 % 75,00 € 15,00 €",
                "5,5 % 25,00 € 1,38 €",
                "Total HT 100,00 €",
                "Total TVA 16,38 €",
                "Total TTC 116,38 €",
                "Déjà réglé 116,38 €",
                "Net à payer 0,00 €",
                "Payée le 24/11/2026 par paiement en ligne.",
                "Nature de l'opération : prestation de services",
                "Empreinte SHA-256 : 3f2a9c41d07b5e88",
                "FA-2026-00001 · page 1");
        assertThat(squash(text)).doesNotContain(squash("AVOIR"));

        ZUGFeRDImporter xml = importer(pdf);
        assertThat(xml.getInvoiceID()).isEqualTo("FA-2026-00001");
        assertThat(new BigDecimal(xml.getTaxBasisTotalAmount())).isEqualByComparingTo("100.00");
        assertThat(new BigDecimal(xml.getTaxTotalAmount())).isEqualByComparingTo("16.38");
        assertThat(new BigDecimal(xml.getAmount()))
                .isEqualByComparingTo(doc.totalInclVat().amount());
        assertThat(new BigDecimal(xml.getPaidAmount())).isEqualByComparingTo("116.38");
        Invoice back = xml.extractInvoice();
        assertThat(back.getDocumentCode()).isEqualTo("380");
        assertThat(back.getZFItems()).hasSize(2);
        String cii = xml.getUTF8();
        assertThat(cii)
                .contains("<ram:CategoryCode>S</ram:CategoryCode>")
                .contains("<ram:RateApplicablePercent>5.50</ram:RateApplicablePercent>")
                .contains("<ram:ID schemeID=\"0002\">443061841</ram:ID>")
                .contains("<ram:ID schemeID=\"VA\">FR12443061841</ram:ID>")
                .contains("urn:cen.eu:en16931:2017");
        assertFontsEmbedded(pdf);
    }

    @Test
    void a_vat_exempt_place_gives_category_E_with_its_exemption_reason() throws Exception {
        IssuedDocument doc = SampleDocuments.exemptInvoice();
        byte[] pdf = render(doc);

        assertValid(pdf, "exempt.pdf");
        String text = text(pdf);
        assertHas(
                text,
                "Association Atelier Commun",
                "SIRET : 73282932000074",
                "TVA non applicable, art. 293 B du CGI",
                "Exonéré",
                "Machine : découpe laser",
                "1,5 heure 18,00 € Exonéré 27,00 €",
                "Total HT 57,00 €",
                "Total TVA 0,00 €",
                "Total TTC 57,00 €",
                "Net à payer 57,00 €",
                "Date d'échéance : 24/12/2026",
                "À payer avant le 24/12/2026.");
        assertThat(squash(text)).doesNotContain(squash("N° de TVA intracommunautaire"));

        ZUGFeRDImporter xml = importer(pdf);
        assertThat(new BigDecimal(xml.getAmount())).isEqualByComparingTo("57.00");
        assertThat(new BigDecimal(xml.getTaxTotalAmount())).isEqualByComparingTo("0");
        String cii = xml.getUTF8();
        assertThat(cii)
                .contains("<ram:CategoryCode>E</ram:CategoryCode>")
                .contains("<ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>")
                // no VAT number: the SIREN is the seller's tax registration (BT-32)
                .contains("<ram:ID schemeID=\"FC\">732829320</ram:ID>")
                .doesNotContain("schemeID=\"VA\"")
                .contains("<ram:DueDateDateTime>");
        assertFontsEmbedded(pdf);
    }

    @Test
    void a_business_buyer_shows_its_siren_vat_number_delivery_address_and_the_penalty_mentions() throws Exception {
        IssuedDocument doc = SampleDocuments.businessInvoice();
        byte[] pdf = render(doc);

        assertValid(pdf, "business.pdf");
        String text = text(pdf);
        assertHas(
                text,
                "Studio Nord SARL",
                "45 boulevard de la Liberté",
                "SIRET : 55210055400013",
                "SIREN : 552100554",
                "N° de TVA intracommunautaire : FR40552100554",
                "Adresse de livraison",
                "Espace Jacquard, 12 rue de la Filature",
                "2 demi-journée 90,00 € 20 % 180,00 €",
                "20 % 430,00 € 86,00 €",
                "Total HT 430,00 €",
                "Total TVA 86,00 €",
                "Total TTC 516,00 €",
                "Net à payer 516,00 €",
                "Option pour le paiement de la taxe d'après les débits.",
                "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal.",
                "Indemnité forfaitaire pour frais de recouvrement : 40 €",
                "Pas d'escompte pour paiement anticipé.",
                "À payer avant le 24/12/2026.");

        ZUGFeRDImporter xml = importer(pdf);
        assertThat(new BigDecimal(xml.getAmount())).isEqualByComparingTo("516.00");
        assertThat(new BigDecimal(xml.getTaxBasisTotalAmount())).isEqualByComparingTo("430.00");
        String cii = xml.getUTF8();
        assertThat(cii)
                .contains("<ram:ID schemeID=\"0002\">552100554</ram:ID>")
                .contains("<ram:ID schemeID=\"VA\">FR40552100554</ram:ID>")
                .contains("<ram:SubjectCode>PMD</ram:SubjectCode>")
                .contains("<ram:SubjectCode>PMT</ram:SubjectCode>")
                .contains("<ram:SubjectCode>AAB</ram:SubjectCode>")
                .contains("<ram:SubjectCode>TXD</ram:SubjectCode>")
                .contains("<ram:ShipToTradeParty>");
        assertFontsEmbedded(pdf);
    }

    @Test
    void a_credit_note_is_type_381_and_cites_the_original_invoice() throws Exception {
        IssuedDocument doc = SampleDocuments.creditNote();
        byte[] pdf = render(doc);

        assertValid(pdf, "credit-note.pdf");
        String text = text(pdf);
        assertHas(
                text,
                "AVOIR",
                "N° AV-2026-00001",
                "Avoir sur la facture n° FA-2026-00001 du 24/11/2026",
                "Motif de l'avoir : Annulation de la réservation du 25/11/2026",
                "Total HT 75,00 €",
                "Total TVA 15,00 €",
                "Total de l'avoir TTC 90,00 €",
                "Remboursé le 25/11/2026 par paiement en ligne.");
        assertThat(squash(text)).doesNotContain(squash("Net à payer"));

        ZUGFeRDImporter xml = importer(pdf);
        assertThat(xml.getInvoiceID()).isEqualTo("AV-2026-00001");
        assertThat(new BigDecimal(xml.getAmount())).isEqualByComparingTo("90.00");
        Invoice back = xml.extractInvoice();
        assertThat(back.getDocumentCode()).isEqualTo("381");
        assertThat(xml.getUTF8())
                .contains("<ram:TypeCode>381</ram:TypeCode>")
                .containsPattern(
                        "<ram:InvoiceReferencedDocument>\\s*<ram:IssuerAssignedID>FA-2026-00001</ram:IssuerAssignedID>"
                                + "\\s*<ram:FormattedIssueDateTime>\\s*<qdt:DateTimeString format=\"102\">20261124<");
        assertFontsEmbedded(pdf);
    }

    @Test
    void a_prorated_line_keeps_its_issued_total_in_the_xml() throws Exception {
        IssuedDocument doc = SampleDocuments.builder(
                        SampleDocuments.FILATURE, SampleDocuments.COMPANY, "FA-2026-00098", 98)
                .line("Salle de réunion Jacquard — demi-journée", "2", "HALF_DAY", "90.00", VatRate.STANDARD, "ROOM")
                .proratedLine(
                        "Abonnement résident — du 16 au 31 décembre",
                        "250.00",
                        VatRate.STANDARD,
                        "129.03",
                        "SUBSCRIPTION")
                .due(SampleDocuments.DAY.plusDays(30))
                .build();
        byte[] pdf = render(doc);
        assertValid(pdf, "prorated.pdf");
        assertHas(text(pdf), "250,00 € 20 % 129,03 €", "Total HT 309,03 €", "Total TTC 370,84 €");
        ZUGFeRDImporter xml = importer(pdf);
        assertThat(new BigDecimal(xml.getTaxBasisTotalAmount())).isEqualByComparingTo("309.03");
        assertThat(new BigDecimal(xml.getAmount()))
                .isEqualByComparingTo(doc.totalInclVat().amount());
    }

    @Test
    void a_buyer_known_only_by_name_still_gives_a_valid_invoice() throws Exception {
        Party walkIn = new Party("Dominique Petit", null, null, null, null, null, false);
        IssuedDocument doc = SampleDocuments.builder(SampleDocuments.FILATURE, walkIn, "FA-2026-00097", 97)
                .line("Pass journée", "1", "DAY", "15.00", VatRate.STANDARD, "DESK")
                .paid(
                        "CASH",
                        SampleDocuments.DAY
                                .atTime(17, 0)
                                .atZone(SampleDocuments.PARIS)
                                .toInstant())
                .build();
        byte[] pdf = render(doc);
        assertValid(pdf, "walk-in.pdf");
        assertHas(text(pdf), "Dominique Petit", "Total TTC 18,00 €", "Payée le 24/11/2026 par espèces.");
        // EN 16931 wants the buyer's country (BR-11): the seller's is used
        assertThat(importer(pdf).getUTF8())
                .containsPattern("<ram:BuyerTradeParty>[\\s\\S]*<ram:CountryID>FR</ram:CountryID>");
    }

    @Test
    void a_long_invoice_runs_over_several_pages_and_stays_valid() throws Exception {
        SampleDocuments.Builder builder =
                SampleDocuments.builder(SampleDocuments.FILATURE, SampleDocuments.COMPANY, "FA-2026-00099", 99);
        for (int i = 1; i <= 60; i++) {
            builder.line(
                    "Réservation poste " + i + " — journée",
                    "1",
                    "DAY",
                    "19.90",
                    org.tierslieux.core.pricing.VatRate.STANDARD,
                    "DESK");
        }
        byte[] pdf = render(builder.due(SampleDocuments.DAY.plusDays(30)).build());
        assertValid(pdf, "long.pdf");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            String last = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages());
            assertHas(
                    last,
                    "Total HT 1 194,00 €",
                    "Total TTC 1 432,80 €",
                    "FA-2026-00099 · page " + reader.getNumberOfPages());
        }
    }

    @Test
    void rendering_on_several_threads_at_once_gives_sound_documents() throws Exception {
        // the Liberation fonts are loaded once and shared by every rendering
        List<IssuedDocument> docs = List.of(
                SampleDocuments.businessInvoice(),
                SampleDocuments.exemptInvoice(),
                SampleDocuments.creditNote(),
                SampleDocuments.twoRatesInvoice());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<byte[]>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                IssuedDocument doc = docs.get(i % docs.size());
                futures.add(pool.submit(() -> render(doc)));
            }
            for (int i = 0; i < futures.size(); i++) {
                byte[] pdf = futures.get(i).get();
                assertHas(text(pdf), docs.get(i % docs.size()).number());
                assertFontsEmbedded(pdf);
                if (i >= futures.size() - docs.size()) {
                    assertValid(pdf, "concurrent-" + i + ".pdf");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_validator_refuses_a_pdf_that_is_not_pdf_a_so_its_zero_errors_mean_something() throws Exception {
        // a plain PDF in the standard, non-embedded Helvetica, given Factur-X the same way
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, plain);
        document.open();
        document.add(new Paragraph("Facture FA-TEST-1"));
        document.close();
        Invoice invoice = new Invoice()
                .setNumber("FA-TEST-1")
                .setIssueDate(new Date())
                .setDeliveryDate(new Date())
                .setDueDate(new Date())
                .setSender(new TradeParty("Vendeur", "1 rue A", "59000", "Lille", "FR").setVATID("FR12443061841"))
                .setRecipient(new TradeParty("Acheteur", "2 rue B", "59000", "Lille", "FR"))
                .addItem(new Item(
                        new Product("Service", "", "C62", new BigDecimal("20")), BigDecimal.TEN, BigDecimal.ONE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().ignorePDFAErrors()) {
            exporter.setZUGFeRDVersion(2).setProfile(Profiles.getByName("EN16931"));
            exporter.load(plain.toByteArray());
            exporter.setTransaction(invoice);
            exporter.export(out);
        }
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(out.toByteArray(), "plain.pdf");
        // Mustang 2.25.0 reports veraPDF's failures only inside <pdf> (no <error>, wasCompletelyValid() stays
        // true): that is why assertValid reads veraPDF's verdict itself
        assertThat(problems(report))
                // ISO 19005-3 6.2.11.4.1: every font program embedded; 6.1.2: a %PDF-1.n header
                .anySatisfy(p -> assertThat(p).contains("clause=6.2.11.4.1"))
                .anySatisfy(p -> assertThat(p).contains("clause=6.1.2"))
                .contains("veraPDF: not compliant");
    }

    // --- helpers

    static byte[] render(IssuedDocument doc) {
        return DocumentPdfRenderer.render(doc, SampleDocuments.letterhead("La Filature"));
    }

    /** Mustang's validator: veraPDF on the PDF/A-3 part, the EN 16931 schematron on the XML. */
    static void assertValid(byte[] pdf, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, name);
        System.out.println("[factur-x] " + name + ": " + summary(report));
        assertThat(problems(report))
                .as("problems in the validation report of %s:%n%s", name, report)
                .isEmpty();
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        // veraPDF ran on PDF/A-3 and found it compliant; the XML was checked against EN 16931
        assertThat(report).containsPattern("flavour=3[abu]").contains("isCompliant=true");
        assertThat(report).contains("<profile>urn:cen.eu:en16931:2017</profile>");
        assertThat(report).doesNotContain("<summary status=\"invalid\"/>");
        // and no empty XML element (a warning only, but a sloppy file)
        assertThat(report).doesNotContain("PEPPOL-EN16931-R008");
    }

    /** The report's errors (XML or PDF), veraPDF's failed assertions, and any part summarised as invalid. */
    static List<String> problems(String report) {
        List<String> problems = new ArrayList<>();
        Matcher errors =
                Pattern.compile("<error[^>]*>(.*?)</error>", Pattern.DOTALL).matcher(report);
        while (errors.find()) {
            problems.add(errors.group(1).strip());
        }
        Matcher failed = Pattern.compile(
                        "TestAssertion \\[ruleId=RuleId \\[(.*?)], status=failed, (.*?)]", Pattern.DOTALL)
                .matcher(report);
        while (failed.find()) {
            problems.add("veraPDF " + failed.group(1) + ": " + failed.group(2));
        }
        if (report.contains("isCompliant=false")) {
            problems.add("veraPDF: not compliant");
        }
        if (report.contains("<summary status=\"invalid\"/>")) {
            problems.add("a part of the report is summarised as invalid");
        }
        return problems;
    }

    private static String summary(String report) {
        Matcher flavour =
                Pattern.compile("flavour=(\\w+), totalAssertions=(\\d+)").matcher(report);
        String pdf =
                flavour.find() ? "veraPDF flavour " + flavour.group(1) + ", " + flavour.group(2) + " assertions" : "?";
        long warnings = Pattern.compile("<warning").matcher(report).results().count();
        long notices = Pattern.compile("<notice").matcher(report).results().count();
        return pdf + ", errors " + problems(report).size() + ", warnings " + warnings + ", notices " + notices;
    }

    static String text(byte[] pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return text.toString();
    }

    /** Table cells come back without separators: compare with every kind of space removed. */
    static String squash(String s) {
        return s.replaceAll("[\\s\\u00a0\\u202f]+", "");
    }

    static void assertHas(String text, String... expected) {
        String squashed = squash(text);
        for (String e : expected) {
            assertThat(squashed)
                    .as("the PDF's text holds «%s»; it reads:%n%s", e, text)
                    .contains(squash(e));
        }
    }

    static ZUGFeRDImporter importer(byte[] pdf) {
        ZUGFeRDImporter importer = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
        assertThat(importer.canParse()).isTrue();
        return importer;
    }

    /** Every font used on every page is embedded, and none is a standard 14 font such as Helvetica. */
    static void assertFontsEmbedded(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts++;
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).doesNotContainIgnoringCase("Helvetica");
                }
            }
            assertThat(fonts).isPositive();
        }
    }
}
