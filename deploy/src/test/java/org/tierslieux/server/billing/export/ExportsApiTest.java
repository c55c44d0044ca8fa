package org.tierslieux.server.billing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.billing.export.ExportFixtures.creditNote;
import static org.tierslieux.server.billing.export.ExportFixtures.invoice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.billing.export.ExportFixtures.Doc;
import org.tierslieux.server.billing.export.ExportFixtures.Line;
import org.tierslieux.server.billing.export.ExportFixtures.Place;
import org.tierslieux.server.testsupport.Demo;

/** The treasurer's files read back by outside means: commons-csv, a plain split of the FEC, java.util.zip. */
@QuarkusTest
class ExportsApiTest {

    static final String FEC_HEADER = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum"
            + "|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise"
            + "|Idevise";

    static Place place;
    static LocalDate day;
    static Doc first;
    static Doc second;
    static Doc refund;

    /** The books of the tests' place, made once (a static @BeforeAll would run before the application). */
    static synchronized void books() {
        if (place != null) {
            return;
        }
        place = ExportFixtures.aPlace();
        day = ExportFixtures.today();
        first = invoice(
                place,
                day,
                "CARD",
                new Line("Poste nomade ; journée", "2", "12.50", "20", "DESK"),
                new Line("Découpe laser", "1.5", "30", "20", "MACHINE"),
                new Line("=SUM(A1) livre", "1", "10", "5.5", "OTHER"));
        second = invoice(place, day, null, new Line("Abonnement résident", "1", "150", "20", "SUBSCRIPTION"));
        refund = creditNote(place, first, day, "CASH", new Line("Découpe laser", "1.5", "30", "20", "MACHINE"));
        // another place's invoice, never in this place's files
        invoice(ExportFixtures.aPlace(), day, "CARD", new Line("Ailleurs", "1", "99", "20", "ROOM"));
    }

    static io.restassured.specification.RequestSpecification treasurer() {
        books();
        return api(Demo.TREASURER);
    }

    @Test
    void the_csv_has_a_row_per_line_and_its_totals_match_the_documents() throws IOException {
        books();
        Response response = treasurer()
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(place.api() + "/exports/invoices.csv");
        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        assertThat(response.header("Content-Disposition"))
                .contains("attachment")
                .contains(".csv");
        byte[] bytes = response.asByteArray();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF); // the byte order mark Excel needs for UTF-8
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(CSVFormat.Builder.create(CSVFormat.EXCEL)
                        .setDelimiter(';')
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())
                .get()) {
            assertThat(parser.getHeaderNames()).hasSize(26).startsWith("Type", "Numéro", "Date");
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(5);
        assertThat(rows)
                .extracting(r -> r.get("Numéro"))
                .containsExactly(first.number(), first.number(), first.number(), second.number(), refund.number());
        assertThat(rows.get(4).get("Type")).isEqualTo("Avoir");
        assertThat(rows.get(4).get("Facture d'origine")).isEqualTo(first.number());
        assertThat(rows.get(0).get("Désignation")).isEqualTo("Poste nomade ; journée");
        assertThat(rows.get(1).get("Quantité")).isEqualTo("1,5");
        assertThat(rows.get(2).get("Désignation")).isEqualTo("'=SUM(A1) livre"); // never run as a formula
        assertThat(rows.get(1).get("Compte")).isEqualTo("706300");
        assertThat(rows.get(0).get("Taux TVA")).isEqualTo("20 %");
        assertThat(rows.get(2).get("Taux TVA")).isEqualTo("5,5 %");
        BigDecimal sum = BigDecimal.ZERO;
        for (CSVRecord r : rows) {
            sum = sum.add(new BigDecimal(r.get("Total TTC").replace(',', '.')));
        }
        assertThat(sum).isEqualByComparingTo(first.incl().add(second.incl()).subtract(refund.incl()));
        assertThat(new BigDecimal(rows.get(0).get("Total document TTC").replace(',', '.')))
                .isEqualByComparingTo(first.incl());
        assertThat(new BigDecimal(rows.get(4).get("Total HT").replace(',', '.')))
                .isEqualByComparingTo(refund.excl().negate());
    }

    @Test
    void a_csv_of_another_period_is_empty_but_for_its_header() {
        books();
        String text = treasurer()
                .queryParam("from", day.minusYears(2).toString())
                .queryParam("to", day.minusYears(1).toString())
                .get(place.api() + "/exports/invoices.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(text.strip().lines()).hasSize(1);
    }

    @Test
    void the_fec_has_the_eighteen_columns_in_order_and_every_entry_balances() {
        books();
        Response response = treasurer().queryParam("year", day.getYear()).get(place.api() + "/exports/fec");
        response.then().statusCode(200);
        assertThat(response.header("Content-Disposition"))
                .contains("filename=\"443061841FEC" + day.getYear() + "1231.txt\"");
        List<String[]> lines = fec(response.asByteArray());
        Map<String, BigDecimal[]> entries = new HashMap<>();
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (String[] f : lines) {
            assertThat(f).hasSize(18);
            assertThat(f[3]).matches("[0-9]{8}");
            assertThat(f[9]).matches("[0-9]{8}");
            assertThat(f[15]).matches("[0-9]{8}");
            assertThat(f[3]).isEqualTo(day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(f[11]).matches("[0-9]+,[0-9]{2}");
            assertThat(f[12]).matches("[0-9]+,[0-9]{2}");
            BigDecimal debit = amount(f[11]);
            BigDecimal credit = amount(f[12]);
            entries.computeIfAbsent(f[0] + f[2], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            entries.get(f[0] + f[2])[0] = entries.get(f[0] + f[2])[0].add(debit);
            entries.get(f[0] + f[2])[1] = entries.get(f[0] + f[2])[1].add(credit);
            debits = debits.add(debit);
            credits = credits.add(credit);
        }
        entries.forEach(
                (number, sides) -> assertThat(sides[0]).as("entry " + number).isEqualByComparingTo(sides[1]));
        assertThat(debits).isEqualByComparingTo(credits);
        // 3 sales entries + 2 settlements (the second invoice is not paid)
        assertThat(entries).hasSize(5);
        List<String> numbers = lines.stream().map(f -> f[2]).distinct().toList();
        assertThat(numbers).containsExactly("1", "2", "3", "4", "5");
        // the first invoice: 411 debit of its total, 706100 / 706300 / 706000 credits, VAT 20 and 5.5
        assertThat(line(lines, first.number(), "VE", "411000")[11]).isEqualTo(cents(first.incl()));
        assertThat(line(lines, first.number(), "VE", "706100")[12]).isEqualTo("25,00");
        assertThat(line(lines, first.number(), "VE", "706300")[12]).isEqualTo("45,00");
        assertThat(line(lines, first.number(), "VE", "706000")[12]).isEqualTo("10,00");
        assertThat(line(lines, first.number(), "VE", "445711")[12]).isEqualTo("14,00");
        assertThat(line(lines, first.number(), "VE", "445713")[12]).isEqualTo("0,55");
        // the card payment settles it in the bank journal, lettered with the sale on 411
        String[] settled = line(lines, first.number(), "BQ", "411000");
        assertThat(settled[12]).isEqualTo(cents(first.incl()));
        assertThat(settled[13]).isNotEmpty().isEqualTo(line(lines, first.number(), "VE", "411000")[13]);
        assertThat(line(lines, first.number(), "BQ", "512000")[11]).isEqualTo(cents(first.incl()));
        // the credit note reverses: 411 credit, revenue and VAT debit, refunded in cash
        assertThat(line(lines, refund.number(), "VE", "411000")[12]).isEqualTo(cents(refund.incl()));
        assertThat(line(lines, refund.number(), "VE", "706300")[11]).isEqualTo("45,00");
        assertThat(line(lines, refund.number(), "VE", "445711")[11]).isEqualTo("9,00");
        assertThat(line(lines, refund.number(), "CA", "530000")[12]).isEqualTo(cents(refund.incl()));
        assertThat(line(lines, refund.number(), "VE", "411000")[10]).contains("sur " + first.number());
        // nothing of the other place
        assertThat(lines).noneMatch(f -> f[10].contains("Ailleurs") || f[4].equals("706200"));
    }

    @Test
    void the_accounts_of_the_fec_follow_the_place_mapping() {
        books();
        Place own = ExportFixtures.aPlace();
        Doc sold = invoice(own, day, null, new Line("Salle", "1", "80", "10", "ROOM"));
        treasurer()
                .body(Map.of(
                        "salesJournal",
                        Map.of("code", "VT", "label", "Ventes"),
                        "revenueAccounts",
                        List.of(Map.of("category", "ROOM", "account", "706210", "label", "Salles")),
                        "vatAccounts",
                        List.of(Map.of("rate", "10", "account", "4457102", "label", "TVA 10"))))
                .put(own.api() + "/accounting-settings")
                .then()
                .statusCode(200)
                .body("salesJournal.code", equalTo("VT"))
                .body("customersAccount", equalTo("411000"));
        List<String[]> lines = fec(treasurer()
                .queryParam("year", day.getYear())
                .get(own.api() + "/exports/fec")
                .asByteArray());
        assertThat(lines).allMatch(f -> f[0].equals("VT") && f[1].equals("Ventes"));
        assertThat(line(lines, sold.number(), "VT", "706210")[5]).isEqualTo("Salles");
        assertThat(line(lines, sold.number(), "VT", "4457102")[12]).isEqualTo("8,00");
    }

    @Test
    void a_transfer_invoice_paid_later_is_settled_once_and_lettered_with_its_sale() {
        books();
        Place own = ExportFixtures.aPlace();
        Doc owed = invoice(own, day, null, new Line("Bureau fermé, mois", "1", "300", "20", "SUBSCRIPTION"));
        ExportFixtures.paidByOrder(own, owed, "TRANSFER");
        // an invoice paid at issue whose order has its payment too: settled once, by the document
        Doc atDesk = invoice(own, day, "CASH", new Line("Café", "2", "1.50", "5.5", "OTHER"));
        ExportFixtures.paidByOrder(own, atDesk, "CASH");
        Doc unpaid = invoice(own, day, null, new Line("Salle", "1", "50", "20", "ROOM"));
        List<String[]> lines = fec(treasurer()
                .queryParam("year", day.getYear())
                .get(own.api() + "/exports/fec")
                .asByteArray());
        Map<String, BigDecimal[]> entries = new HashMap<>();
        for (String[] f : lines) {
            entries.computeIfAbsent(f[0] + f[2], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            entries.get(f[0] + f[2])[0] = entries.get(f[0] + f[2])[0].add(amount(f[11]));
            entries.get(f[0] + f[2])[1] = entries.get(f[0] + f[2])[1].add(amount(f[12]));
        }
        entries.forEach(
                (number, sides) -> assertThat(sides[0]).as("entry " + number).isEqualByComparingTo(sides[1]));
        // 3 sales, the transfer in the bank, the cash at the desk once
        assertThat(entries).hasSize(5);
        assertThat(lines.stream().map(f -> f[2]).distinct().toList()).containsExactly("1", "2", "3", "4", "5");
        String[] sale = line(lines, owed.number(), "VE", "411000");
        String[] settled = line(lines, owed.number(), "BQ", "411000");
        assertThat(line(lines, owed.number(), "BQ", "512000")[11]).isEqualTo(cents(owed.incl()));
        assertThat(settled[12]).isEqualTo(cents(owed.incl()));
        assertThat(settled[10]).contains("TRANSFER");
        assertThat(sale[13]).isNotEmpty().isEqualTo(settled[13]);
        assertThat(sale[14]).isEqualTo(settled[14]).isEqualTo(settled[3]);
        assertThat(lines.stream().filter(f -> f[8].equals(atDesk.number()) && f[0].equals("CA")))
                .hasSize(2);
        assertThat(lines).noneMatch(f -> f[8].equals(atDesk.number()) && f[0].equals("BQ"));
        assertThat(line(lines, unpaid.number(), "VE", "411000")[13]).isEmpty();
        assertThat(lines).noneMatch(f -> f[8].equals(unpaid.number()) && !f[0].equals("VE"));
    }

    @Test
    void the_zip_holds_a_pdf_per_document_of_the_period() throws IOException {
        books();
        Response response = treasurer()
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(place.api() + "/exports/pdfs.zip");
        response.then().statusCode(200).contentType("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertThat(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1))
                        .startsWith("%PDF");
            }
        }
        assertThat(names)
                .containsExactlyInAnyOrder(first.number() + ".pdf", second.number() + ".pdf", refund.number() + ".pdf");
    }

    @Test
    void absurd_ranges_are_refused_with_a_problem() {
        books();
        refused(
                Map.of("from", day.toString(), "to", day.minusDays(1).toString()),
                "invoices.csv",
                "export.range-reversed");
        refused(Map.of("from", "2001-01-01", "to", "2012-01-02"), "invoices.csv", "export.range-too-long");
        refused(Map.of("from", "0001-01-01", "to", "2001-01-01"), "invoices.csv", "export.date-absurd");
        refused(Map.of("from", "2026-02-30", "to", "2026-03-01"), "pdfs.zip", "export.date-invalid");
        refused(Map.of("to", "2026-03-01"), "pdfs.zip", "export.range-missing");
        refused(Map.of("year", "0001"), "fec", "export.year-absurd");
        refused(Map.of("year", "9999"), "fec", "export.year-absurd");
        refused(Map.of("year", "20x6"), "fec", "export.year-invalid");
        refused(Map.of(), "fec", "export.year-invalid");
    }

    @Test
    void bad_accounts_are_refused_with_a_problem() {
        books();
        for (var body : List.<Map<String, Object>>of(
                Map.of("customersAccount", "512000"),
                Map.of("bankAccount", "51|0"),
                Map.of("salesJournal", Map.of("code", "ventes!", "label", "x")),
                Map.of("salesJournal", Map.of("code", "VE", "label", "a|b")),
                Map.of("revenueAccounts", List.of(Map.of("category", "ROOM", "account", "411000", "label", "x"))),
                Map.of("revenueAccounts", List.of(Map.of("category", "room", "account", "706000", "label", "x"))),
                Map.of("vatAccounts", List.of(Map.of("rate", "19.6", "account", "445710", "label", "x"))))) {
            treasurer()
                    .body(body)
                    .put(place.api() + "/accounting-settings")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.startsWith("export."));
        }
        treasurer()
                .get(place.api() + "/accounting-settings")
                .then()
                .statusCode(200)
                .body("bankAccount", equalTo("512000"));
    }

    @Test
    void only_the_place_treasurer_may_export() {
        books();
        String year = Integer.toString(day.getYear());
        api(Demo.MEMBER)
                .queryParam("year", year)
                .get(place.api() + "/exports/fec")
                .then()
                .statusCode(403);
        api(Demo.MANAGER)
                .queryParam("year", year)
                .get(place.api() + "/exports/fec")
                .then()
                .statusCode(403);
        api(Demo.MEMBER).get(place.api() + "/accounting-settings").then().statusCode(403);
        // a treasurer of another place
        Place other = ExportFixtures.aPlace();
        String elsewhere = ExportFixtures.aPerson("tresoriere", other.slug(), "TREASURER");
        ExportFixtures.as(elsewhere)
                .queryParam("year", year)
                .get(other.api() + "/exports/fec")
                .then()
                .statusCode(200);
        ExportFixtures.as(elsewhere)
                .queryParam("year", year)
                .get(place.api() + "/exports/fec")
                .then()
                .statusCode(403);
        ExportFixtures.as(elsewhere)
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(place.api() + "/exports/invoices.csv")
                .then()
                .statusCode(403);
        Demo.anonymous()
                .accept("*/*")
                .queryParam("year", year)
                .get(place.api() + "/exports/fec")
                .then()
                .statusCode(401);
        treasurer()
                .queryParam("year", year)
                .get("/api/v1/places/no-such-place/exports/fec")
                .then()
                .statusCode(404);
    }

    @Test
    void the_exports_are_described_by_openapi() {
        io.restassured.RestAssured.given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/exports/fec"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/exports/invoices.csv"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/exports/pdfs.zip"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/accounting-settings"));
    }

    /** The files are not JSON: ask for anything (a refusal still comes as problem+json). */
    static io.restassured.specification.RequestSpecification api(String email) {
        return Demo.as(email).accept("*/*");
    }

    private void refused(Map<String, String> query, String file, String code) {
        treasurer()
                .queryParams(query)
                .get(place.api() + "/exports/" + file)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    static List<String[]> fec(byte[] bytes) {
        String text = new String(bytes, Charset.forName("ISO-8859-15"));
        List<String> all = text.lines().toList();
        assertThat(all.get(0)).isEqualTo(FEC_HEADER);
        assertThat(text).contains("\r\n");
        return all.subList(1, all.size()).stream().map(l -> l.split("\\|", -1)).toList();
    }

    static String[] line(List<String[]> lines, String piece, String journal, String account) {
        return lines.stream()
                .filter(f -> f[8].equals(piece) && f[0].equals(journal) && f[4].equals(account))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + journal + " " + account + " for " + piece));
    }

    static BigDecimal amount(String text) {
        return new BigDecimal(text.replace(',', '.'));
    }

    static String cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString()
                .replace('.', ',');
    }
}
