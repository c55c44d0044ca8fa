package org.tierslieux.server.billing.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.DocumentType;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.billing.invoice.VatLine;
import org.tierslieux.billing.pdf.Letterhead;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.pricing.VatRate;

/**
 * Issued documents built directly (no ledger needed): what Invoicing stores, with amounts computed the way a
 * quote computes them (line totals rounded to cents, VAT per rate on the base). The numbers are fixed so that
 * tests can look for them in the PDF text.
 */
final class SampleDocuments {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    static final Party FILATURE = new Party(
            "La Filature SAS",
            "443061841",
            "44306184100047",
            "FR12443061841",
            new Address("12 rue de la Filature", "59100", "Roubaix", "FR"),
            "compta@filature.test",
            true);

    static final Party ATELIER_ASSOCIATION = new Party(
            "Association Atelier Commun",
            null,
            "73282932000074",
            null,
            new Address("3 place du Marché", "69001", "Lyon", "FR"),
            null,
            true);

    static final Party PERSON = new Party(
            "Camille Martin",
            null,
            null,
            null,
            new Address("8 allée des Tilleuls", "59000", "Lille", "FR"),
            "camille@example.test",
            false);

    static final Party COMPANY = new Party(
            "Studio Nord SARL",
            "552100554",
            "55210055400013",
            "FR40552100554",
            new Address("45 boulevard de la Liberté", "59800", "Lille", "FR"),
            "factures@studio-nord.test",
            true);

    static final String EXEMPTION_293B = "TVA non applicable, art. 293 B du CGI";

    private SampleDocuments() {}

    static Letterhead letterhead(String placeName) {
        return new Letterhead(placeName, PARIS, null, "Merci de votre confiance. Une question ? compta@filature.test");
    }

    /** Two lines at 20 % and 5.5 %, paid online at issue; HT 100.00, TVA 16.38, TTC 116.38. */
    static IssuedDocument twoRatesInvoice() {
        return builder(FILATURE, PERSON, "FA-2026-00001", 1)
                .line("Bureau nomade — journée", "3", "DAY", "25.00", VatRate.STANDARD, "DESK")
                .line("Carnet « Fabriquer soi-même » (livre)", "2", null, "12.50", VatRate.REDUCED, "OTHER")
                .paid("ONLINE", DAY.atTime(10, 15).atZone(PARIS).toInstant())
                .build();
    }

    /** A place that charges no VAT (art. 293 B), one exempt line, to pay by transfer within 30 days. */
    static IssuedDocument exemptInvoice() {
        return builder(ATELIER_ASSOCIATION, PERSON, "FA-2026-00002", 2)
                .exemption(EXEMPTION_293B)
                .line("Adhésion atelier — novembre 2026", "1", null, "30.00", VatRate.EXEMPT, "SUBSCRIPTION")
                .line("Machine : découpe laser", "1.5", "HOUR", "18.00", VatRate.EXEMPT, "MACHINE")
                .due(DAY.plusDays(30))
                .build();
    }

    /** A business buyer with SIREN and VAT number, delivery address, VAT on debits, penalties mentions. */
    static IssuedDocument businessInvoice() {
        return builder(FILATURE, COMPANY, "FA-2026-00003", 3)
                .line("Salle de réunion Jacquard — demi-journée", "2", "HALF_DAY", "90.00", VatRate.STANDARD, "ROOM")
                .line("Abonnement résident — décembre 2026", "1", null, "250.00", VatRate.STANDARD, "SUBSCRIPTION")
                .delivery(new Address("Espace Jacquard, 12 rue de la Filature", "59100", "Roubaix", "FR"))
                .vatOnDebits()
                .mention("En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal.")
                .mention("Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 du code de commerce).")
                .mention("Pas d'escompte pour paiement anticipé.")
                .due(DAY.plusDays(30))
                .build();
    }

    /** A credit note of the first line of {@link #twoRatesInvoice()}, refunded online. */
    static IssuedDocument creditNote() {
        IssuedDocument original = twoRatesInvoice();
        return builder(FILATURE, PERSON, "AV-2026-00001", 1)
                .type(DocumentType.CREDIT_NOTE)
                .original(original)
                .reason("Annulation de la réservation du 25/11/2026")
                .line("Bureau nomade — journée", "3", "DAY", "25.00", VatRate.STANDARD, "DESK")
                .paid("ONLINE", DAY.plusDays(1).atTime(9, 0).atZone(PARIS).toInstant())
                .build();
    }

    static Builder builder(Party seller, Party buyer, String number, long sequence) {
        return new Builder(seller, buyer, number, sequence);
    }

    static final class Builder {
        private final Party seller;
        private final Party buyer;
        private String number;
        private long sequence;
        private PlaceId place = new PlaceId(UUID.fromString("00000000-0000-0000-0000-00000000f11a"));
        private DocumentId id = new DocumentId(UUID.randomUUID());
        private DocumentType type = DocumentType.INVOICE;
        private final List<DocumentLine> lines = new ArrayList<>();
        private final List<String> mentions = new ArrayList<>();
        private String exemption;
        private LocalDate due;
        private String method;
        private Instant paidAt;
        private Address delivery;
        private boolean vatOnDebits;
        private IssuedDocument original;
        private String reason;
        private LocalDate issueDate = DAY;

        Builder(Party seller, Party buyer, String number, long sequence) {
            this.seller = seller;
            this.buyer = buyer;
            this.number = number;
            this.sequence = sequence;
        }

        Builder place(PlaceId place) {
            this.place = place;
            return this;
        }

        Builder id(DocumentId id) {
            this.id = id;
            return this;
        }

        Builder number(String number, long sequence) {
            this.number = number;
            this.sequence = sequence;
            return this;
        }

        Builder type(DocumentType type) {
            this.type = type;
            return this;
        }

        Builder issued(LocalDate day) {
            this.issueDate = day;
            return this;
        }

        Builder line(String description, String quantity, String unit, String unitPrice, VatRate vat, String category) {
            BigDecimal q = new BigDecimal(quantity);
            Money price = Money.of(unitPrice, "EUR");
            Money ht = price.times(q).rounded();
            Money tva = ht.times(vat.fraction()).rounded();
            lines.add(new DocumentLine(
                    lines.size() + 1,
                    description,
                    q,
                    unit,
                    price,
                    vat,
                    ht,
                    tva,
                    ht.plus(tva),
                    category,
                    type == DocumentType.CREDIT_NOTE ? lines.size() + 1 : null));
            return this;
        }

        /** A line whose total is not price x quantity: prorated or discounted by the quote. */
        Builder proratedLine(String description, String unitPrice, VatRate vat, String total, String category) {
            Money ht = Money.of(total, "EUR");
            Money tva = ht.times(vat.fraction()).rounded();
            lines.add(new DocumentLine(
                    lines.size() + 1,
                    description,
                    BigDecimal.ONE,
                    null,
                    Money.of(unitPrice, "EUR"),
                    vat,
                    ht,
                    tva,
                    ht.plus(tva),
                    category,
                    null));
            return this;
        }

        Builder exemption(String mention) {
            this.exemption = mention;
            return this;
        }

        Builder mention(String mention) {
            mentions.add(mention);
            return this;
        }

        Builder due(LocalDate day) {
            this.due = day;
            return this;
        }

        Builder paid(String method, Instant at) {
            this.method = method;
            this.paidAt = at;
            return this;
        }

        Builder delivery(Address address) {
            this.delivery = address;
            return this;
        }

        Builder vatOnDebits() {
            this.vatOnDebits = true;
            return this;
        }

        Builder original(IssuedDocument original) {
            this.original = original;
            return this;
        }

        Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        IssuedDocument build() {
            Map<VatRate, Money[]> byRate = new LinkedHashMap<>();
            Money zero = Money.zero(java.util.Currency.getInstance("EUR"));
            for (DocumentLine l : lines) {
                Money[] sums = byRate.computeIfAbsent(l.vat(), r -> new Money[] {zero, zero});
                sums[0] = sums[0].plus(l.totalExclVat());
            }
            List<VatLine> vat = new ArrayList<>();
            Money ht = zero;
            Money tva = zero;
            for (Map.Entry<VatRate, Money[]> e : byRate.entrySet()) {
                Money base = e.getValue()[0];
                Money tax = new Money(
                        base.amount().multiply(e.getKey().fraction()).setScale(2, RoundingMode.HALF_UP),
                        base.currency());
                vat.add(new VatLine(e.getKey(), base, tax));
                ht = ht.plus(base);
                tva = tva.plus(tax);
            }
            return new IssuedDocument(
                    id,
                    place,
                    type,
                    number,
                    sequence,
                    issueDate,
                    issueDate.atTime(10, 16).atZone(PARIS).toInstant(),
                    issueDate,
                    due,
                    "EUR",
                    seller,
                    buyer,
                    null,
                    null,
                    delivery,
                    "SERVICES",
                    vatOnDebits,
                    exemption,
                    List.copyOf(mentions),
                    List.copyOf(lines),
                    List.copyOf(vat),
                    ht,
                    tva,
                    ht.plus(tva),
                    method,
                    paidAt,
                    original == null ? null : original.id(),
                    original == null ? null : original.number(),
                    original == null ? null : original.issueDate(),
                    reason,
                    null,
                    null,
                    null,
                    "0".repeat(64),
                    "3f2a9c41d07b5e88a1c6f0e29b4d7a13c5e8f60b2d9a4c17e3b85f0d6a2c9e41");
        }
    }
}
