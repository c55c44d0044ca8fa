package org.tierslieux.server.billing.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * What export tests set up: a place of their own (the demo treasurer is its treasurer, the demo member a member)
 * and issued documents.
 *
 * <p>REPLACED BY INVOICING AT MERGE: documents are inserted here with plain SQL (document, document_line,
 * document_vat; the triggers allow inserts) because this branch has no {@code Invoicing} implementation yet.
 * The merger switches {@link #invoice} and {@link #creditNote} to {@code Invoicing.issue} / {@code
 * issueCreditNote} (in the place, through PlaceScope) so that numbers, footprints and mentions are the real ones.
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

    /** An issued document as inserted. */
    record Doc(UUID id, String number, LocalDate issueDate, BigDecimal excl, BigDecimal vat, BigDecimal incl) {}

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

    /** An invoice dated {@code day}, paid at issue by {@code paymentMethod} (null: to pay). */
    static Doc invoice(Place place, LocalDate day, String paymentMethod, Line... lines) {
        return insert(place, "INVOICE", day, paymentMethod, null, List.of(lines));
    }

    /** A credit note on {@code original}, refunded by {@code paymentMethod} (null: not refunded). */
    static Doc creditNote(Place place, Doc original, LocalDate day, String paymentMethod, Line... lines) {
        return insert(place, "CREDIT_NOTE", day, paymentMethod, original, List.of(lines));
    }

    private static final Map<String, Long> SEQUENCES = new HashMap<>();

    private static synchronized long next(Place place, String series) {
        return SEQUENCES.merge(place.slug() + series, 1L, Long::sum);
    }

    private static Doc insert(
            Place place, String type, LocalDate day, String paymentMethod, Doc original, List<Line> lines) {
        UUID id = UUID.randomUUID();
        long sequence = next(place, type);
        String number =
                ("INVOICE".equals(type) ? "FA-" : "AV-") + day.getYear() + "-" + String.format("%05d", sequence);
        List<Object[]> lineRows = new ArrayList<>();
        Map<String, BigDecimal[]> vatByKey = new LinkedHashMap<>();
        BigDecimal excl = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        int position = 0;
        for (Line l : lines) {
            BigDecimal q = new BigDecimal(l.quantity());
            BigDecimal unit = new BigDecimal(l.unitPrice());
            BigDecimal lineExcl = q.multiply(unit).setScale(2, RoundingMode.HALF_UP);
            BigDecimal rate = "EXEMPT".equals(l.vatKey()) ? BigDecimal.ZERO : new BigDecimal(l.vatKey());
            BigDecimal lineVat = lineExcl.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            lineRows.add(new Object[] {++position, l, q, unit, lineExcl, lineVat});
            vatByKey.computeIfAbsent(l.vatKey(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            vatByKey.get(l.vatKey())[0] = vatByKey.get(l.vatKey())[0].add(lineExcl);
            vatByKey.get(l.vatKey())[1] = vatByKey.get(l.vatKey())[1].add(lineVat);
            excl = excl.add(lineExcl);
            vat = vat.add(lineVat);
        }
        BigDecimal incl = excl.add(vat);
        // issued one after the other, in the order of the calls
        Timestamp issuedAt =
                Timestamp.from(day.atTime(10, 0).atZone(PARIS).toInstant().plusMillis(SEQUENCE.incrementAndGet()));
        try (Connection c = TestDatabase.superuser()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("insert into document (tenant_id, id, type, series, sequence,"
                    + " number, issue_date, issued_at, operation_date, currency, seller, buyer, buyer_person_id,"
                    + " operation_nature, vat_on_debits, mentions, total_excl_vat, total_vat, total_incl_vat,"
                    + " payment_method, paid_at, original_id, reason, previous_footprint, footprint)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', cast(? as jsonb), cast(? as jsonb), ?, 'SERVICES',"
                    + " false, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                d.setObject(1, place.id());
                d.setObject(2, id);
                d.setString(3, type);
                d.setString(4, type);
                d.setLong(5, sequence);
                d.setString(6, number);
                d.setObject(7, day);
                d.setTimestamp(8, issuedAt);
                d.setObject(9, day);
                d.setString(10, "{\"name\":\"Lieu " + place.slug() + " SAS\",\"siret\":\"44306184100047\"}");
                d.setString(11, "{\"name\":\"Camille Dupont\",\"siren\":null,\"vatNumber\":null}");
                d.setObject(12, UUID.nameUUIDFromBytes("camille".getBytes()));
                d.setBigDecimal(13, excl);
                d.setBigDecimal(14, vat);
                d.setBigDecimal(15, incl);
                d.setString(16, paymentMethod);
                d.setTimestamp(17, paymentMethod == null ? null : issuedAt);
                d.setObject(18, original == null ? null : original.id());
                d.setString(19, original == null ? null : "Remboursement");
                d.setString(20, "0".repeat(64));
                d.setString(
                        21,
                        String.format(
                                        "%064x",
                                        new java.math.BigInteger(
                                                1, id.toString().getBytes()))
                                .substring(0, 64));
                d.executeUpdate();
            }
            try (PreparedStatement l = c.prepareStatement("insert into document_line (tenant_id, document_id, position,"
                    + " description, quantity, unit, unit_price_excl_vat, vat_key, total_excl_vat, total_vat,"
                    + " total_incl_vat, category) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : lineRows) {
                    Line line = (Line) row[1];
                    l.setObject(1, place.id());
                    l.setObject(2, id);
                    l.setInt(3, (Integer) row[0]);
                    l.setString(4, line.description());
                    l.setBigDecimal(5, (BigDecimal) row[2]);
                    l.setBigDecimal(6, (BigDecimal) row[3]);
                    l.setString(7, line.vatKey());
                    l.setBigDecimal(8, (BigDecimal) row[4]);
                    l.setBigDecimal(9, (BigDecimal) row[5]);
                    l.setBigDecimal(10, ((BigDecimal) row[4]).add((BigDecimal) row[5]));
                    l.setString(11, line.category());
                    l.addBatch();
                }
                l.executeBatch();
            }
            try (PreparedStatement v = c.prepareStatement("insert into document_vat (tenant_id, document_id, vat_key,"
                    + " base_excl_vat, vat) values (?, ?, ?, ?, ?)")) {
                for (var e : vatByKey.entrySet()) {
                    v.setObject(1, place.id());
                    v.setObject(2, id);
                    v.setString(3, e.getKey());
                    v.setBigDecimal(4, e.getValue()[0]);
                    v.setBigDecimal(5, e.getValue()[1]);
                    v.addBatch();
                }
                v.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Doc(id, number, day, excl, vat, incl);
    }
}
