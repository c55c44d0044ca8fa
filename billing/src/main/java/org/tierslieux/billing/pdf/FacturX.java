package org.tierslieux.billing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.SchemedID;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.core.place.Address;

/**
 * The Factur-X side of a document (EN 16931 profile, CII syntax) and its embedding into the PDF/A-3 by Mustang.
 * Invoices are type 380, credit notes 381 with the preceding invoice (number and date, BG-3). Lines at a rate
 * are VAT category S; exempt lines are category E with the seller's exemption mention as the reason (BT-120).
 * Amounts are positive on both types, as in the document. Parties carry their SIREN as legal registration
 * (scheme 0002) and their VAT numbers; a seller without a VAT number (franchise or exemption) gives its SIREN as
 * tax registration (BT-32), which EN 16931 asks for when category E is used.
 */
final class FacturX {

    private static final Logger LOG = Logger.getLogger(FacturX.class);

    /** ISO 6523 ICD of the French SIRENE register: how a SIREN is named in BT-30 / BT-47. */
    private static final String SIRENE = "0002";

    private FacturX() {}

    static byte[] embed(byte[] pdfA3, IssuedDocument doc) {
        Invoice invoice = invoiceOf(doc);
        // PDFBox's XMP serializer asks TransformerFactory.newInstance() on every document, and that looks the
        // provider up through the context class loader: a scan of every jar's META-INF/services on a flat class
        // path (half the rendering time in the tests). The JDK's own XML providers are all it needs.
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return export(pdfA3, doc, invoice);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static byte[] export(byte[] pdfA3, IssuedDocument doc, Invoice invoice) {
        // Mustang's own PDF/A check on load is skipped: the input is PDF/A-3 by construction, and the tests run
        // veraPDF on the result (FacturXValidationTest)
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().ignorePDFAErrors()) {
            exporter.setProducer("TiersLieux Manager")
                    .setCreator(doc.seller().name())
                    .setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName("EN16931"));
            exporter.load(pdfA3);
            exporter.setTransaction(invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdfA3.length + 16 * 1024);
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot embed the Factur-X XML of " + doc.number(), e);
        }
    }

    static Invoice invoiceOf(IssuedDocument doc) {
        Invoice invoice = new Invoice()
                .setDocumentName(doc.creditNote() ? "AVOIR" : "FACTURE")
                .setNumber(doc.number())
                .setCurrency(doc.currency())
                .setIssueDate(date(doc.issueDate()))
                .setDeliveryDate(date(doc.operationDate()))
                .setSender(seller(doc))
                .setRecipient(buyer(doc));
        if (doc.creditNote()) {
            invoice.setCreditNote();
            ReferencedDocument original = new ReferencedDocument().setIssuerAssignedID(doc.originalNumber());
            if (doc.originalIssueDate() != null) {
                original.setFormattedIssueDateTime(date(doc.originalIssueDate()));
            }
            invoice.addInvoiceReferencedDocument(original);
            if (doc.reason() != null && !doc.reason().isBlank()) {
                invoice.addNotes(List.of(new IncludedNote("Motif de l'avoir : " + doc.reason(), SubjectCode.AAI)));
            }
        }
        if (doc.dueDate() != null) {
            invoice.setDueDate(date(doc.dueDate()));
        }
        if (doc.paidAt() != null) {
            // paid at issue: nothing is left to pay (BT-113 = BT-112, so BT-115 is zero)
            invoice.setTotalPrepaidAmount(doc.totalInclVat().rounded().amount());
        } else if (doc.dueDate() == null) {
            invoice.setPaymentTermDescription(
                    doc.creditNote() ? "Montant porté au crédit du client" : "Payable à réception");
        }
        if (doc.deliveryAddress() != null) {
            Address a = doc.deliveryAddress();
            invoice.setDeliveryAddress(postal(doc.buyer().name(), a, doc));
        }
        List<IncludedNote> notes = new ArrayList<>();
        if (doc.vatOnDebits()
                && doc.mentions().stream()
                        .noneMatch(m -> m.toLowerCase(Locale.ROOT).contains("débits"))) {
            notes.add(new IncludedNote(PdfA3Layout.VAT_ON_DEBITS, SubjectCode.TXD));
        }
        doc.mentions().forEach(m -> notes.add(note(m)));
        if (!notes.isEmpty()) {
            invoice.addNotes(notes);
        }
        for (DocumentLine line : doc.lines()) {
            invoice.addItem(item(line, doc));
        }
        BigDecimal computed = new TransactionCalculator(invoice).getGrandTotal();
        if (computed.compareTo(doc.totalInclVat().rounded().amount()) != 0) {
            // EN 16931 computes the VAT per rate on the base; a document that summed rounded line VAT may differ
            LOG.warnf(
                    "Factur-X of %s: grand total %s computed from the lines differs from the issued %s",
                    doc.number(), computed, doc.totalInclVat().display());
        }
        return invoice;
    }

    /**
     * A mention as a note (BG-1) with the UNTDID 4451 subject code the French rules look for (BR-FR-05): late
     * penalties PMD, the recovery fee PMT, the discount AAB, VAT on debits TXD; others without a code.
     */
    static IncludedNote note(String mention) {
        String m = mention.toLowerCase(Locale.ROOT);
        if (m.contains("recouvrement")) {
            return new IncludedNote(mention, SubjectCode.PMT);
        }
        if (m.contains("pénalit") || m.contains("penalit")) {
            return new IncludedNote(mention, SubjectCode.PMD);
        }
        if (m.contains("escompte")) {
            return new IncludedNote(mention, SubjectCode.AAB);
        }
        if (m.contains("débits")) {
            return new IncludedNote(mention, SubjectCode.TXD);
        }
        return IncludedNote.unspecifiedNote(mention);
    }

    private static Item item(DocumentLine line, IssuedDocument doc) {
        Product product = new Product(
                line.description(), "", unitCode(line.unit()), line.vat().percent());
        if (line.vat().exempt()) {
            product.setTaxCategoryCode("E");
            product.setTaxExemptionReason(
                    doc.vatExemptionMention() == null ? "Exonération de TVA" : doc.vatExemptionMention());
        }
        Item item = new Item(product, netPrice(line), line.quantity());
        item.setId(Integer.toString(line.position()));
        return item;
    }

    /**
     * The net price (BT-146) such that quantity x price gives the line total as issued: the unit price itself,
     * unless the quote prorated or discounted the line (a subscription started mid-month), in which case the
     * effective price, to four decimals. Mustang computes the line totals from price x quantity.
     */
    static BigDecimal netPrice(DocumentLine line) {
        BigDecimal total = line.totalExclVat().rounded().amount();
        BigDecimal unit = line.unitPriceExclVat().amount();
        if (unit.multiply(line.quantity()).setScale(2, RoundingMode.HALF_UP).compareTo(total) == 0) {
            return unit;
        }
        return total.divide(line.quantity(), 4, RoundingMode.HALF_UP);
    }

    private static TradeParty seller(IssuedDocument doc) {
        Party s = doc.seller();
        TradeParty party = party(s, doc);
        if (s.vatNumber() != null) {
            party.setVATID(s.vatNumber());
        } else {
            String siren = PdfA3Layout.siren(s);
            if (siren != null) {
                party.setTaxID(siren);
            }
        }
        return party;
    }

    private static TradeParty buyer(IssuedDocument doc) {
        Party b = doc.buyer();
        TradeParty party = party(b, doc);
        if (b.vatNumber() != null) {
            party.setVATID(b.vatNumber());
        }
        return party;
    }

    private static TradeParty party(Party p, IssuedDocument doc) {
        Address a = p.address();
        TradeParty party = postal(p.name(), a, doc);
        String siren = PdfA3Layout.siren(p);
        if (siren != null) {
            party.setLegalOrganisation(new LegalOrganisation(new SchemedID(SIRENE, siren), null));
        }
        if (p.email() != null) {
            party.addUriUniversalCommunicationID(new SchemedID("EM", p.email()));
        }
        return party;
    }

    /** A party with the parts of its address that are known: empty elements are refused (PEPPOL-EN16931-R008). */
    private static TradeParty postal(String name, Address a, IssuedDocument doc) {
        TradeParty party = new TradeParty().setName(name);
        if (a == null) {
            return party.setCountry(sellerCountry(doc));
        }
        if (!blank(a.street())) {
            party.setStreet(a.street());
        }
        if (!blank(a.postalCode())) {
            party.setZIP(a.postalCode());
        }
        if (!blank(a.city())) {
            party.setLocation(a.city());
        }
        return party.setCountry(country(a, doc));
    }

    /** An address without a country is taken to be in the seller's country (France, for every place here). */
    private static String country(Address a, IssuedDocument doc) {
        return a.country() == null || a.country().isBlank() ? sellerCountry(doc) : a.country();
    }

    private static String sellerCountry(IssuedDocument doc) {
        Address a = doc.seller().address();
        return a == null || a.country() == null || a.country().isBlank() ? "FR" : a.country();
    }

    /** UN/ECE Recommendation 20 codes, as EN 16931 wants (BT-130). */
    static String unitCode(String unit) {
        if (unit == null) {
            return "C62";
        }
        return switch (unit) {
            case "HOUR" -> "HUR";
            case "DAY" -> "DAY";
            default -> "C62";
        };
    }

    private static Date date(LocalDate day) {
        // Mustang formats dates in the JVM's zone: noon there is the same calendar day, whatever the zone
        return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
