package org.tierslieux.server.billing.export;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DocumentLine;
import org.tierslieux.billing.invoice.DraftLine;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * What export tests set up: a place of their own (the demo treasurer is its treasurer, the demo member a member)
 * and issued documents.
 *
 * <p>Documents are issued through the real {@link Invoicing} (in the place, through PlaceScope, each in a
 * transaction of its own), so numbers, footprints, mentions and PDFs are the real ones.
 */
final class ExportFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ExportFixtures() {}

    /** A place as the tests know it. */
    record Place(String slug, UUID id) {
        String api() {
            return "/api/v1/places/" + slug;
        }
    }

    /** A line to issue: what, how many, unit price excluding VAT, VAT key, category. */
    record Line(String description, String quantity, String unitPrice, String vatKey, String category) {}

    /** An issued document: its id, number, date, totals and the descriptions of its lines in order. */
    record Doc(
            UUID id,
            String number,
            LocalDate issueDate,
            BigDecimal excl,
            BigDecimal vat,
            BigDecimal incl,
            List<String> lines) {}

    static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** A new place with the SIRET of the demo places (SIREN 443061841). */
    static Place aPlace() {
        String slug = ("exp-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet())
                .toLowerCase();
        Demo.as(Demo.ADMIN)
                .body(Demo.aPlace(slug, "Lieu " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        grant(slug, Demo.TREASURER, "TREASURER");
        grant(slug, Demo.MEMBER, "MEMBER");
        return new Place(slug, placeId(slug));
    }

    /** A new account (password {@link #PASSWORD}) with the given roles at a place; returns its e-mail. */
    static String aPerson(String prefix, String slug, String... roles) {
        String email = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet()
                + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", prefix, "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        grant(slug, email, roles);
        return email;
    }

    static final String PASSWORD = "un-long-mot-de-passe";

    static io.restassured.specification.RequestSpecification as(String email) {
        return io.restassured.RestAssured.given()
                .auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(io.restassured.http.ContentType.JSON);
    }

    static void grant(String slug, String email, String... roles) {
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "roles", List.of(roles)))
                .post("/api/v1/places/" + slug + "/members")
                .then()
                .statusCode(200);
    }

    static UUID placeId(String slug) {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement q = c.prepareStatement("select id from place where slug = ?")) {
            q.setString(1, slug);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An invoice issued today (Invoicing dates documents itself; {@code day} must be today), paid at issue by
     * {@code paymentMethod}, or (null) to pay by transfer within 30 days.
     */
    static Doc invoice(Place place, LocalDate day, String paymentMethod, Line... lines) {
        List<DraftLine> drafts = new ArrayList<>();
        for (Line l : lines) {
            VatRate rate = VatRate.of(l.vatKey());
            BigDecimal quantity = new BigDecimal(l.quantity());
            Money unit = Money.of(l.unitPrice(), "EUR");
            Money excl = unit.times(quantity).rounded();
            Money vat = excl.times(rate.fraction()).rounded();
            drafts.add(new DraftLine(
                    l.description(), quantity, null, unit, rate, excl, vat, excl.plus(vat), l.category()));
        }
        InvoiceDraft draft = new InvoiceDraft(
                null,
                new Party("Camille Dupont", null, null, null, null, "camille@example.org", false),
                buyer(),
                null,
                null,
                drafts,
                null,
                paymentMethod == null ? day.plusDays(30) : null,
                paymentMethod,
                null,
                null,
                null,
                null);
        return doc(issue(place, day, invoicing -> invoicing.issue(draft)));
    }

    /** A credit note (today) of the given lines of {@code original} (matched by description), refunded or not. */
    static Doc creditNote(Place place, Doc original, LocalDate day, String paymentMethod, Line... lines) {
        List<CreditNoteDraft.CreditedLine> credited = new ArrayList<>();
        for (Line l : lines) {
            int position = original.lines().indexOf(l.description()) + 1;
            if (position == 0) {
                throw new IllegalArgumentException("No line " + l.description() + " on " + original.number());
            }
            credited.add(new CreditNoteDraft.CreditedLine(position, new BigDecimal(l.quantity())));
        }
        return doc(issue(
                place,
                day,
                invoicing -> invoicing.issueCreditNote(new CreditNoteDraft(
                        new DocumentId(original.id()), credited, "Remboursement", null, paymentMethod))));
    }

    /**
     * The order {@code invoice} was issued for, paid now by a payment the desk recorded ({@code method}), as
     * checkout stores them (sale_order and payment rows, written here directly: checkout needs a quote).
     */
    static void paidByOrder(Place place, Doc invoice, String method) {
        UUID order = UUID.randomUUID();
        Timestamp now = Timestamp.from(java.time.Instant.now());
        try (Connection c = TestDatabase.superuser()) {
            c.setAutoCommit(false);
            try (PreparedStatement o = c.prepareStatement("insert into sale_order (tenant_id, id, person_id,"
                    + " subject_type, subject_id, quote_id, description, amount, currency, status, invoice_id,"
                    + " created_at, paid_at) values (?, ?, ?, 'BOOKING', ?, ?, 'Réservation', ?, 'EUR', 'PAID', ?,"
                    + " ?, ?)")) {
                o.setObject(1, place.id());
                o.setObject(2, order);
                o.setObject(3, buyer());
                o.setObject(4, UUID.randomUUID());
                o.setObject(5, UUID.randomUUID());
                o.setBigDecimal(6, invoice.incl());
                o.setObject(7, invoice.id());
                o.setTimestamp(8, now);
                o.setTimestamp(9, now);
                o.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("insert into payment (tenant_id, id, order_id, channel,"
                    + " method, status, amount, currency, created_at, paid_at)"
                    + " values (?, ?, ?, 'MANUAL', ?, 'PAID', ?, 'EUR', ?, ?)")) {
                p.setObject(1, place.id());
                p.setObject(2, UUID.randomUUID());
                p.setObject(3, order);
                p.setString(4, method);
                p.setBigDecimal(5, invoice.incl());
                p.setTimestamp(6, now);
                p.setTimestamp(7, now);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person invoices are made out to (the demo member). */
    static UUID buyer() {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement q = c.prepareStatement("select id from person where email = ?")) {
            q.setString(1, Demo.MEMBER);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IssuedDocument issue(Place place, LocalDate day, Function<Invoicing, IssuedDocument> work) {
        var arc = Arc.container();
        PlaceRef ref =
                arc.instance(PlaceDirectory.class).get().bySlug(place.slug()).orElseThrow();
        Invoicing invoicing = arc.instance(Invoicing.class).get();
        IssuedDocument issued = arc.instance(PlaceScope.class)
                .get()
                .call(ref, () -> QuarkusTransaction.requiringNew().call(() -> work.apply(invoicing)));
        if (!issued.issueDate().equals(day)) {
            throw new IllegalStateException("Issued on " + issued.issueDate() + ", not on " + day);
        }
        return issued;
    }

    private static Doc doc(IssuedDocument d) {
        return new Doc(
                d.id().value(),
                d.number(),
                d.issueDate(),
                d.totalExclVat().amount(),
                d.totalVat().amount(),
                d.totalInclVat().amount(),
                d.lines().stream().map(DocumentLine::description).toList());
    }
}
