package org.tierslieux.server.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * The pricing pages: the managers' price list, groups and companies with the demo's data, a refused price that
 * comes back with the reason, and the quote a member sees before confirming a booking of a priced resource.
 */
@QuarkusTest
class PricingPagesTest {

    @Test
    void managers_see_the_price_list_groups_and_companies_of_the_demo() {
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/prices")
                .then()
                .statusCode(200)
                .body(containsString("id=\"nav-prices\""))
                .body(containsString("id=\"vat-mode\""))
                .body(containsString("class=\"price\""))
                .body(containsString("25.00 EUR"))
                .body(containsString("id=\"price-form\""));
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/groups")
                .then()
                .statusCode(200)
                .body(containsString("data-code=\"standard\""))
                .body(containsString("data-code=\"student\""))
                .body(containsString("data-email=\"member@demo.test\""));
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/companies")
                .then()
                .statusCode(200)
                .body(containsString("Coop des Tisserands"));
        for (String page : new String[] {"prices", "groups", "companies"}) {
            browsing(MEMBER).get("/" + FILATURE + "/manage/" + page).then().statusCode(403);
        }
    }

    @Test
    void a_refused_price_comes_back_with_the_reason_and_what_was_typed() {
        browsing(MANAGER)
                .formParam("scope", "kind:ROOM")
                .formParam("unit", "HOUR")
                .formParam("group", "")
                .formParam("amount", "-12,50")
                .formParam("vatRate", "20")
                .post("/" + FILATURE + "/manage/prices")
                .then()
                .statusCode(422)
                .body(containsString("id=\"form-error\""))
                .body(containsString("value=\"-12,50\""))
                .body(not(containsString("Exception")));
        browsing(MANAGER)
                .formParam("scope", "kind:ROOM")
                .formParam("unit", "HOUR")
                .formParam("amount", "30")
                .formParam("vatRate", "20")
                .post("/" + FILATURE + "/manage/prices")
                .then()
                .statusCode(409)
                .body(containsString("id=\"form-error\""));
        browsing(MANAGER)
                .formParam("code", "Pas un code")
                .formParam("name", "x")
                .post("/" + FILATURE + "/manage/groups")
                .then()
                .statusCode(422)
                .body(containsString("id=\"form-error\""));
    }

    @Test
    void a_manager_ends_a_price_on_a_day_from_the_page() {
        String room = BookingPagesTest.aResource(FILATURE, "ROOM", BookingPagesTest.unique("Salle tarif"), 4);
        LocalDate from = BookingPagesTest.tuesday();
        String price = Demo.as(MANAGER)
                .body(java.util.Map.of(
                        "resourceId",
                        room,
                        "unit",
                        "HOUR",
                        "amount",
                        "18",
                        "vatRate",
                        "20",
                        "validFrom",
                        from.toString()))
                .post("/api/v1/places/" + FILATURE + "/prices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        browsing(MANAGER)
                .formParam("validUntil", from.minusDays(1).toString())
                .post("/" + FILATURE + "/manage/prices/" + price + "/end")
                .then()
                .statusCode(422)
                .body(containsString("id=\"form-error\""));
        browsing(MANAGER)
                .formParam("validUntil", from.plusDays(30).toString())
                .post("/" + FILATURE + "/manage/prices/" + price + "/end")
                .then()
                .statusCode(303);
        Demo.as(MANAGER)
                .get("/api/v1/places/" + FILATURE + "/prices/" + price)
                .then()
                .statusCode(200)
                .body(
                        "validUntil",
                        org.hamcrest.Matchers.equalTo(from.plusDays(30).toString()));
    }

    @Test
    void a_member_sees_the_quote_of_a_priced_desk_before_confirming_and_then_books_it() {
        String name = BookingPagesTest.unique("Bureau devis");
        String desk = BookingPagesTest.aResource(FILATURE, "DESK", name, null);
        LocalDate day = BookingPagesTest.tuesday();
        // the week view's buttons ask for the review first
        browsing(MEMBER)
                .get("/" + FILATURE + "/book?week=" + day)
                .then()
                .statusCode(200)
                .body(containsString("name=\"review\" value=\"1\""));
        browsing(MEMBER)
                .formParam("resourceId", desk)
                .formParam("start", BookingPagesTest.at(day, 9).toString())
                .formParam("end", BookingPagesTest.at(day, 13).toString())
                .formParam("week", day.toString())
                .formParam("review", "1")
                .post("/" + FILATURE + "/book")
                .then()
                .statusCode(200)
                .body(containsString("id=\"quote\""))
                .body(containsString(name))
                // a desk's half-day at La Filature: 15.00 VAT included, of which 2.50 VAT
                .body(containsString("id=\"quote-charged\">15.00 EUR"))
                .body(containsString("id=\"quote-total-excl\">12.50 EUR"))
                .body(containsString("id=\"confirm-booking\""))
                .body(containsString("name=\"start\" value=\"" + BookingPagesTest.at(day, 9) + "\""));
        // nothing is booked until the member confirms
        Demo.as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources/" + desk + "/availability?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .body(containsString(BookingPagesTest.offset(day, 9)));
        BookingPagesTest.tapSlot(MEMBER, desk, day, 9, 13)
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + FILATURE + "/bookings?booked="));
    }
}
