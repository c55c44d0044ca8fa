package org.tierslieux.billing.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.billing.invoice.VatLine;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;

/**
 * Draws the human-readable side of a document with OpenPDF: A4, PDF/A-3b (XMP metadata, sRGB output intent),
 * every glyph from the embedded Liberation fonts (the standard 14 fonts are never used: they are not embedded
 * and PDF/A forbids that). French only: an invoice's legal language. Factur-X is added afterwards.
 */
final class PdfA3Layout {

    private static final Logger LOG = Logger.getLogger(PdfA3Layout.class);
    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static final String VAT_ON_DEBITS = "Option pour le paiement de la taxe d'après les débits.";

    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    private static final Map<String, String> PAYMENT_METHODS = Map.ofEntries(
            Map.entry("CASH", "espèces"),
            Map.entry("CHEQUE", "chèque"),
            Map.entry("CHECK", "chèque"),
            Map.entry("TRANSFER", "virement"),
            Map.entry("BANK_TRANSFER", "virement"),
            Map.entry("CARD_TERMINAL", "carte bancaire (terminal)"),
            Map.entry("CARD", "carte bancaire"),
            Map.entry("CREDITCARD", "carte bancaire"),
            Map.entry("ONLINE", "paiement en ligne"),
            Map.entry("MOLLIE", "paiement en ligne"),
            Map.entry("DIRECTDEBIT", "prélèvement SEPA"),
            Map.entry("SEPA", "prélèvement SEPA"),
            Map.entry("SEPA_DEBIT", "prélèvement SEPA"),
            Map.entry("PAYPAL", "PayPal"));

    private static final Map<String, String> NATURES = Map.of(
            "SERVICES", "prestation de services",
            "GOODS", "livraison de biens",
            "MIXED", "livraison de biens et prestation de services");

    private static final Map<String, String> UNITS = Map.of(
            "HOUR", "heure",
            "HALF_DAY", "demi-journée",
            "DAY", "jour",
            "USE", "utilisation",
            "SESSION", "séance");

    private final Font small = new Font(REGULAR, 7.5f, Font.NORMAL, MUTED);
    private final Font text = new Font(REGULAR, 9f, Font.NORMAL, INK);
    private final Font strong = new Font(BOLD, 9f, Font.NORMAL, INK);
    private final Font heading = new Font(BOLD, 10f, Font.NORMAL, INK);
    private final Font placeFont = new Font(BOLD, 14f, Font.NORMAL, INK);
    private final Font title = new Font(BOLD, 20f, Font.NORMAL, INK);

    private final IssuedDocument doc;
    private final Letterhead head;

    private PdfA3Layout(IssuedDocument doc, Letterhead head) {
        this.doc = Objects.requireNonNull(doc, "document");
        this.head = Objects.requireNonNull(head, "letterhead");
    }

    /** The document as PDF/A-3b, without its Factur-X attachment yet. */
    static byte[] draw(IssuedDocument doc, Letterhead head) {
        return new PdfA3Layout(doc, head).draw();
    }

    static String titleOf(IssuedDocument doc) {
        return (doc.creditNote() ? "Avoir " : "Facture ") + doc.number();
    }

    private byte[] draw() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setPDFXConformance(PdfWriter.PDFA3B);
            writer.setPageEvent(new Footer());
            pdf.addTitle(titleOf(doc));
            pdf.addAuthor(doc.seller().name());
            pdf.addSubject(doc.creditNote() ? "Avoir" : "Facture");
            pdf.addCreator("TiersLieux Manager");
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
            pdf.addCreationDate();
            writer.createXmpMetadata();
            pdf.open();
            writer.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
            header(pdf);
            parties(pdf);
            lines(pdf);
            totals(pdf);
            status(pdf);
            mentions(pdf);
            pdf.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot draw the PDF of " + doc.number(), e);
        }
        return out.toByteArray();
    }

    private void header(Document pdf) throws DocumentException, IOException {
        PdfPTable table = new PdfPTable(new float[] {58, 42});
        table.setWidthPercentage(100);

        PdfPCell seller = cell();
        Image logo = logo(head.logo());
        if (logo != null) {
            logo.scaleToFit(140, 56);
            seller.addElement(logo);
        }
        seller.addElement(new Paragraph(head.placeName(), placeFont));
        Party s = doc.seller();
        if (!s.name().equals(head.placeName())) {
            seller.addElement(new Paragraph(s.name(), strong));
        }
        addressLines(s.address()).forEach(l -> seller.addElement(new Paragraph(l, text)));
        if (s.siret() != null) {
            seller.addElement(new Paragraph("SIRET : " + s.siret(), text));
        }
        String siren = siren(s);
        if (siren != null) {
            seller.addElement(new Paragraph("SIREN : " + siren, text));
        }
        if (s.vatNumber() != null) {
            seller.addElement(new Paragraph("N° de TVA intracommunautaire : " + s.vatNumber(), text));
        }
        if (s.email() != null) {
            seller.addElement(new Paragraph(s.email(), text));
        }
        table.addCell(seller);

        PdfPCell right = cell();
        Paragraph name = new Paragraph(doc.creditNote() ? "AVOIR" : "FACTURE", title);
        name.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(name);
        right.addElement(rightAligned("N° " + doc.number(), heading));
        if (doc.creditNote()) {
            String of = doc.originalIssueDate() == null ? "" : " du " + FrenchFormat.date(doc.originalIssueDate());
            right.addElement(rightAligned("Avoir sur la facture n° " + doc.originalNumber() + of, strong));
        }
        right.addElement(rightAligned("Date d'émission : " + FrenchFormat.date(doc.issueDate()), text));
        right.addElement(rightAligned(operationLabel() + " : " + FrenchFormat.date(doc.operationDate()), text));
        if (doc.dueDate() != null) {
            right.addElement(rightAligned("Date d'échéance : " + FrenchFormat.date(doc.dueDate()), strong));
        }
        table.addCell(right);
        pdf.add(table);
    }

    private String operationLabel() {
        return switch (doc.operationNature()) {
            case "GOODS" -> "Date de livraison";
            case "SERVICES" -> "Date de la prestation";
            default -> "Date de l'opération";
        };
    }

    private void parties(Document pdf) throws DocumentException {
        PdfPTable table = new PdfPTable(doc.deliveryAddress() == null ? new float[] {58, 42} : new float[] {50, 50});
        table.setWidthPercentage(100);
        table.setSpacingBefore(16);

        PdfPCell buyer = boxed();
        buyer.addElement(new Paragraph(doc.creditNote() ? "Client" : "Facturé à", small));
        Party b = doc.buyer();
        buyer.addElement(new Paragraph(b.name(), strong));
        addressLines(b.address()).forEach(l -> buyer.addElement(new Paragraph(l, text)));
        if (b.siret() != null) {
            buyer.addElement(new Paragraph("SIRET : " + b.siret(), text));
        }
        String siren = siren(b);
        if (siren != null) {
            buyer.addElement(new Paragraph("SIREN : " + siren, text));
        }
        if (b.vatNumber() != null) {
            buyer.addElement(new Paragraph("N° de TVA intracommunautaire : " + b.vatNumber(), text));
        }
        if (b.email() != null) {
            buyer.addElement(new Paragraph(b.email(), text));
        }
        table.addCell(buyer);

        PdfPCell other = doc.deliveryAddress() == null ? cell() : boxed();
        if (doc.deliveryAddress() != null) {
            other.addElement(new Paragraph("Adresse de livraison", small));
            addressLines(doc.deliveryAddress()).forEach(l -> other.addElement(new Paragraph(l, text)));
        }
        table.addCell(other);
        pdf.add(table);

        Paragraph nature = new Paragraph(
                "Nature de l'opération : " + NATURES.getOrDefault(doc.operationNature(), doc.operationNature()), text);
        nature.setSpacingBefore(8);
        pdf.add(nature);
        if (doc.creditNote() && doc.reason() != null && !doc.reason().isBlank()) {
            pdf.add(new Paragraph("Motif de l'avoir : " + doc.reason(), text));
        }
    }

    private void lines(Document pdf) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {40, 8, 14, 14, 9, 15});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        for (String h : List.of("Désignation", "Qté", "Unité", "PU HT", "TVA", "Total HT")) {
            PdfPCell c = new PdfPCell(new Phrase(h, strong));
            c.setBackgroundColor(SHADE);
            c.setBorderColor(RULE);
            c.setPadding(4);
            c.setHorizontalAlignment(h.equals("Désignation") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(c);
        }
        for (DocumentLine line : doc.lines()) {
            table.addCell(body(line.description(), Element.ALIGN_LEFT));
            table.addCell(body(FrenchFormat.quantity(line.quantity()), Element.ALIGN_RIGHT));
            table.addCell(
                    body(line.unit() == null ? "" : UNITS.getOrDefault(line.unit(), line.unit()), Element.ALIGN_RIGHT));
            table.addCell(body(FrenchFormat.unitPrice(line.unitPriceExclVat()), Element.ALIGN_RIGHT));
            table.addCell(body(FrenchFormat.rate(line.vat()), Element.ALIGN_RIGHT));
            table.addCell(body(FrenchFormat.money(line.totalExclVat()), Element.ALIGN_RIGHT));
        }
        pdf.add(table);
    }

    private void totals(Document pdf) throws DocumentException {
        PdfPTable outer = new PdfPTable(new float[] {52, 48});
        outer.setWidthPercentage(100);
        outer.setSpacingBefore(12);
        outer.setKeepTogether(true);

        PdfPTable vat = new PdfPTable(new float[] {30, 35, 35});
        vat.setWidthPercentage(100);
        for (String h : List.of("Taux de TVA", "Base HT", "Montant TVA")) {
            PdfPCell c = new PdfPCell(new Phrase(h, strong));
            c.setBackgroundColor(SHADE);
            c.setBorderColor(RULE);
            c.setPadding(4);
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            vat.addCell(c);
        }
        for (VatLine v : doc.vatSummary()) {
            vat.addCell(body(FrenchFormat.rate(v.rate()), Element.ALIGN_RIGHT));
            vat.addCell(body(FrenchFormat.money(v.baseExclVat()), Element.ALIGN_RIGHT));
            vat.addCell(body(FrenchFormat.money(v.vat()), Element.ALIGN_RIGHT));
        }
        PdfPCell left = cell();
        left.setPaddingRight(12);
        left.addElement(vat);
        if (doc.vatExemptionMention() != null) {
            Paragraph exemption = new Paragraph(doc.vatExemptionMention(), strong);
            exemption.setSpacingBefore(4);
            left.addElement(exemption);
        }
        outer.addCell(left);

        PdfPTable sums = new PdfPTable(new float[] {55, 45});
        sums.setWidthPercentage(100);
        sum(sums, "Total HT", FrenchFormat.money(doc.totalExclVat()), text);
        sum(sums, "Total TVA", FrenchFormat.money(doc.totalVat()), text);
        sum(
                sums,
                doc.creditNote() ? "Total de l'avoir TTC" : "Total TTC",
                FrenchFormat.money(doc.totalInclVat()),
                heading);
        if (!doc.creditNote()) {
            boolean paid = doc.paidAt() != null;
            if (paid) {
                sum(sums, "Déjà réglé", FrenchFormat.money(doc.totalInclVat()), text);
            }
            sum(
                    sums,
                    "Net à payer",
                    FrenchFormat.money(paid ? Money.zero(doc.totalInclVat().currency()) : doc.totalInclVat()),
                    heading);
        }
        PdfPCell right = cell();
        right.addElement(sums);
        outer.addCell(right);
        pdf.add(outer);
    }

    private void status(Document pdf) throws DocumentException {
        String line;
        if (doc.paidAt() != null) {
            LocalDate day = doc.paidAt().atZone(head.zone()).toLocalDate();
            String how = doc.paymentMethod() == null
                    ? ""
                    : " par "
                            + PAYMENT_METHODS.getOrDefault(
                                    doc.paymentMethod().toUpperCase(java.util.Locale.ROOT), doc.paymentMethod());
            line = (doc.creditNote() ? "Remboursé le " : "Payée le ") + FrenchFormat.date(day) + how + ".";
        } else if (doc.creditNote()) {
            line = "Montant porté au crédit du client.";
        } else if (doc.dueDate() != null) {
            line = "À payer avant le " + FrenchFormat.date(doc.dueDate()) + ".";
        } else {
            line = "À payer à réception.";
        }
        Paragraph p = new Paragraph(line, heading);
        p.setSpacingBefore(12);
        pdf.add(p);
    }

    private void mentions(Document pdf) throws DocumentException {
        List<String> all = new ArrayList<>();
        if (doc.vatOnDebits()
                && doc.mentions().stream()
                        .noneMatch(m -> m.toLowerCase(java.util.Locale.ROOT).contains("débits"))) {
            all.add(VAT_ON_DEBITS);
        }
        all.addAll(doc.mentions());
        if (!all.isEmpty()) {
            Paragraph title = new Paragraph("Mentions légales", strong);
            title.setSpacingBefore(14);
            pdf.add(title);
            for (String m : all) {
                pdf.add(new Paragraph(m, text));
            }
        }
        if (head.footer() != null && !head.footer().isBlank()) {
            Paragraph footer = new Paragraph(head.footer(), small);
            footer.setSpacingBefore(10);
            pdf.add(footer);
        }
    }

    private static void sum(PdfPTable table, String label, String amount, Font font) {
        PdfPCell l = new PdfPCell(new Phrase(label, font));
        PdfPCell a = new PdfPCell(new Phrase(amount, font));
        for (PdfPCell c : List.of(l, a)) {
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            c.setPadding(4);
        }
        a.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(l);
        table.addCell(a);
    }

    private PdfPCell body(String content, int alignment) {
        PdfPCell c = new PdfPCell(new Phrase(content, text));
        c.setBorderColor(RULE);
        c.setPadding(4);
        c.setHorizontalAlignment(alignment);
        return c;
    }

    private static PdfPCell cell() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        return c;
    }

    private static PdfPCell boxed() {
        PdfPCell c = new PdfPCell();
        c.setBorderColor(RULE);
        c.setPadding(6);
        return c;
    }

    private static Paragraph rightAligned(String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }

    /**
     * The logo flattened on white as plain RGB: OpenPDF's PDF/A checker refuses soft masks (transparency), and a
     * CMYK or 16-bit image would need more care. An unreadable logo is left out rather than failing an invoice.
     */
    private static Image logo(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The place's logo cannot be read (%s): the PDF is drawn without it", e.getMessage());
            return null;
        }
        if (source == null) {
            LOG.warn("The place's logo is in no format the JDK reads: the PDF is drawn without it");
            return null;
        }
        BufferedImage flat = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(flat, "png", png);
        try {
            return Image.getInstance(png.toByteArray());
        } catch (org.openpdf.text.BadElementException e) {
            throw new IOException(e);
        }
    }

    static String siren(Party party) {
        if (party.siren() != null) {
            return party.siren();
        }
        return party.siret() == null || party.siret().length() < 9
                ? null
                : party.siret().substring(0, 9);
    }

    private static List<String> addressLines(Address a) {
        if (a == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (a.street() != null && !a.street().isBlank()) {
            a.street().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        String city =
                ((a.postalCode() == null ? "" : a.postalCode()) + " " + (a.city() == null ? "" : a.city())).strip();
        if (!city.isEmpty()) {
            lines.add(city);
        }
        if (a.country() != null && !a.country().equalsIgnoreCase("FR")) {
            lines.add(new java.util.Locale.Builder()
                    .setRegion(a.country())
                    .build()
                    .getDisplayCountry(java.util.Locale.FRANCE));
        }
        return lines;
    }

    /** The document's number and page on every page, and its footprint (shortened) at the bottom. */
    private final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float y = document.bottomMargin() - 24;
            String footprint = doc.footprint() == null
                    ? ""
                    : "Empreinte SHA-256 : "
                            + doc.footprint()
                                    .substring(0, Math.min(16, doc.footprint().length())) + "…";
            ColumnText.showTextAligned(
                    writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(footprint, small), document.left(), y, 0);
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_RIGHT,
                    new Phrase(doc.number() + " · page " + writer.getPageNumber(), small),
                    document.right(),
                    y,
                    0);
        }
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PdfA3Layout.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font not on the class path: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load the font " + resource, e);
        }
    }
}
