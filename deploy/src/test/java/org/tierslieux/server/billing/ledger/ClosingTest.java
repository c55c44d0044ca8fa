package org.tierslieux.server.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * A treasurer closes a past month, then the year: totals, chained footprints, an archive whose checksums hold;
 * an open or future period, a bad period or a second closing is refused; no document can be dated inside a
 * closed period afterwards, whether through the application or straight into the table.
 */
@QuarkusTest
class ClosingTest {

    @Inject
    LedgerDriver driver;

    @Test
    void close_a_month_then_the_year_and_nothing_more_is_dated_inside() throws Exception {
        MovableClock clock = MovableClock.install();
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        clock.setTo(Instant.parse("2025-03-10T10:00:00Z"));
        IssuedDocument a = driver.invoice(slug, member, "100.00");
        IssuedDocument b = driver.invoice(slug, member, "200.00");
        driver.creditNote(slug, a.id(), List.of());
        clock.setTo(Instant.parse("2025-04-02T10:00:00Z"));
        IssuedDocument april = driver.invoice(slug, member, "50.00");

        for (var bad : List.of(
                Map.of("kind", "MONTH", "period", "2025-04"),
                Map.of("kind", "MONTH", "period", "2025-06"),
                Map.of("kind", "YEAR", "period", "2025"))) {
            Ledger.as(Demo.TREASURER)
                    .body(bad)
                    .post(Ledger.api(slug) + "/closings")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", is("closing.period-open"));
        }
        for (var bad : List.of(
                Map.of("kind", "MONTH", "period", "2025-13"),
                Map.of("kind", "MONTH", "period", "mars"),
                Map.of("kind", "WEEK", "period", "2025-03"),
                Map.of("kind", "YEAR", "period", "25"),
                Map.of("kind", "YEAR", "period", "0001"))) {
            Ledger.as(Demo.TREASURER)
                    .body(bad)
                    .post(Ledger.api(slug) + "/closings")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        Ledger.as(Demo.MEMBER)
                .body(Map.of("kind", "MONTH", "period", "2025-03"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(403);

        var march = Ledger.as(Demo.TREASURER)
                .body(Map.of("kind", "MONTH", "period", "2025-03"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(201)
                .body("period", is("2025-03"))
                .body("documents", is(3))
                .body(
                        "invoicesInclVat",
                        is(a.totalInclVat().plus(b.totalInclVat()).display()))
                .body("creditNotesInclVat", is(a.totalInclVat().display()))
                .body("previousFootprint", is("0".repeat(64)))
                .extract()
                .jsonPath();
        String marchId = march.getString("id");
        Ledger.as(Demo.TREASURER)
                .body(Map.of("kind", "MONTH", "period", "2025-03"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(409)
                .body("code", is("closing.already-closed"));

        // the archive: stored as built, its checksums hold, its SHA-256 is the recorded one
        byte[] zip = Ledger.as(Demo.TREASURER)
                .accept("application/zip")
                .get(Ledger.api(slug) + "/closings/" + marchId + "/archive")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("cloture-" + slug + "-2025-03.zip"))
                .extract()
                .asByteArray();
        assertThat(sha256(zip)).isEqualTo(march.getString("archiveSha256"));
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("LISEZMOI.txt", "cloture.json", "cloture.txt", "SHA256SUMS");
        assertThat(sha256(entries.get("cloture.txt"))).isEqualTo(march.getString("footprint"));
        assertThat(entries.keySet().stream().filter(k -> k.startsWith("documents/") && k.endsWith(".json")))
                .hasSize(3);
        assertThat(sha256(entries.get("documents/" + a.number() + ".txt"))).isEqualTo(a.footprint());
        for (String line : new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(sha256(entries.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
        byte[] again = Ledger.as(Demo.TREASURER)
                .accept("application/zip")
                .get(Ledger.api(slug) + "/closings/" + marchId + "/archive")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(again).isEqualTo(zip);

        // nothing can be dated in March any more: neither through the application...
        clock.setTo(Instant.parse("2025-04-03T10:00:00Z"));
        driver.invoice(slug, member, "10.00");
        // (a clock put back in March is refused too, by the chronology and the closing)
        clock.setTo(Instant.parse("2025-03-31T10:00:00Z"));
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> driver.invoice(slug, member, "10.00"));
        assertThat(refused).isNotNull();
        // ...nor straight into the table
        try (Connection c = TestDatabase.superuser();
                var insert = c.prepareStatement("insert into document (tenant_id, id, type, series, sequence, number,"
                        + " issue_date, issued_at, operation_date, currency, seller, buyer, operation_nature,"
                        + " vat_on_debits, total_excl_vat, total_vat, total_incl_vat, previous_footprint, footprint)"
                        + " values (?, ?, 'INVOICE', 'INVOICE', 999, 'FA-FAUX', date '2025-03-15', now(),"
                        + " date '2025-03-15', 'EUR', '{}', '{}', 'SERVICES', false, 0, 0, 0, ?, ?)")) {
            insert.setObject(1, a.place().value());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, "0".repeat(64));
            insert.setString(4, "f".repeat(64));
            org.assertj.core.api.Assertions.assertThatThrownBy(insert::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("tl:period-closed");
        }

        // the year, once over: chained to March's closing
        clock.setTo(Instant.parse("2026-01-05T10:00:00Z"));
        Ledger.as(Demo.TREASURER)
                .body(Map.of("kind", "YEAR", "period", "2025"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(201)
                .body("documents", is(5))
                .body("previousFootprint", is(march.getString("footprint")));
        Ledger.as(Demo.TREASURER)
                .body(Map.of("kind", "MONTH", "period", "2025-06"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(409)
                .body("code", is("closing.already-closed"));
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(200)
                .body("size()", is(2));
        // a closing of another place does not exist here
        String other = Ledger.aPlace();
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(other) + "/closings/" + marchId)
                .then()
                .statusCode(404);
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(other) + "/closings/" + marchId + "/archive")
                .then()
                .statusCode(404);
        assertThat(april.issueDate().toString()).isEqualTo("2025-04-02");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
