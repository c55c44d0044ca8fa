package org.tierslieux.server.billing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.tierslieux.server.billing.export.ExportFixtures.invoice;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.billing.export.ExportFixtures.Line;
import org.tierslieux.server.billing.export.ExportFixtures.Place;
import org.tierslieux.server.testsupport.Demo;

/** The treasurer's exports page and account mapping page, as a browser uses them (session cookie, forms). */
@QuarkusTest
class ExportsPagesTest {

    @Test
    void the_treasurer_downloads_from_the_exports_page_and_a_bad_range_shows_the_reason() {
        Place place = ExportFixtures.aPlace();
        LocalDate day = ExportFixtures.today();
        invoice(place, day, "CHEQUE", new Line("Salle de réunion", "2", "40", "20", "ROOM"));
        String session = Demo.session(Demo.TREASURER);
        page(session)
                .get("/" + place.slug() + "/treasury/exports")
                .then()
                .statusCode(200)
                .body(containsString("id=\"csv-form\""))
                .body(containsString("id=\"fec-form\""))
                .body(containsString("id=\"pdfs-form\""))
                .body(containsString("/" + place.slug() + "/treasury/accounting"));
        String csv = page(session)
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/" + place.slug() + "/treasury/exports/invoices.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString(".csv"))
                .extract()
                .asString();
        assertThat(csv).contains("Salle de réunion").contains("706200");
        page(session)
                .queryParam("year", day.getYear())
                .get("/" + place.slug() + "/treasury/exports/fec")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("443061841FEC" + day.getYear() + "1231.txt"));
        page(session)
                .queryParam("from", day.toString())
                .queryParam("to", day.minusDays(3).toString())
                .get("/" + place.slug() + "/treasury/exports/invoices.csv")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        page(Demo.session(Demo.MEMBER))
                .get("/" + place.slug() + "/treasury/exports")
                .then()
                .statusCode(403);
    }

    @Test
    void the_treasurer_changes_an_account_on_the_mapping_page() {
        Place place = ExportFixtures.aPlace();
        String session = Demo.session(Demo.TREASURER);
        page(session)
                .get("/" + place.slug() + "/treasury/accounting")
                .then()
                .statusCode(200)
                .body(containsString("name=\"revenue.MACHINE.account\""))
                .body(containsString("706300"));
        page(session)
                .formParam("revenue.MACHINE.account", "706310")
                .formParam("journal.sales.account", "VT")
                .post("/" + place.slug() + "/treasury/accounting")
                .then()
                .statusCode(303);
        Demo.as(Demo.TREASURER)
                .get(place.api() + "/accounting-settings")
                .then()
                .statusCode(200)
                .body("salesJournal.code", org.hamcrest.Matchers.equalTo("VT"))
                .body(
                        "revenueAccounts.find { it.category == 'MACHINE' }.account",
                        org.hamcrest.Matchers.equalTo("706310"));
        page(session)
                .formParam("cashAccount", "611000")
                .post("/" + place.slug() + "/treasury/accounting")
                .then()
                .statusCode(422)
                .body(containsString("form-error"))
                .body(containsString("611000"));
    }

    private static io.restassured.specification.RequestSpecification page(String session) {
        return org.tierslieux.server.testsupport.Demo.browsingWith(session).accept("*/*");
    }
}
