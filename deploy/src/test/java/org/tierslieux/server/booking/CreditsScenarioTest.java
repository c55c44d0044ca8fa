package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.PlanSteps.at;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * The journey through the API, with the clock moved where the story needs it: subscribe (prorated), book
 * with credits, run out (the next booking is charged in full), cancel (the balance comes back), renew over a
 * month boundary (the old period's credits expire, the new ones are granted, a second run does nothing).
 */
@QuarkusTest
class CreditsScenarioTest {

    @Test
    void subscribe_book_with_credits_run_out_cancel_and_renew_over_a_month_boundary() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("credits", Fixtures.PARIS);
        String pool = Fixtures.aResource("DESK_POOL").in(place).slotMinutes(60).create();
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        // Wednesday 20 January 2027: 12 days of January's 31 are left
        clock.setTo(at(place, LocalDateTime.of(2027, 1, 20, 8, 0)));
        String plan = PlanSteps.plan(place, PlanSteps.aPlan("Résident", "MONTH", "90.00", "DESK_POOL", "DAY", 4));

        JsonPath quote = as(member)
                .get(place.api() + "/plans/" + plan + "/quote")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quote.getString("charged.amount")).isEqualTo("34.84"); // 90 x 12/31
        assertThat(quote.getString("lines[0].description")).contains("prorata 12/31");
        assertThat(quote.getString("totalVat.amount")).isEqualTo("5.81"); // 34.84 incl. 20 % VAT

        JsonPath subscribed = PlanSteps.subscribe(member, place, plan);
        assertThat(subscribed.getString("status")).isEqualTo("ACTIVE");
        assertThat(subscribed.getString("quote.charged.amount")).isEqualTo("34.84");
        assertThat(subscribed.getString("periodEnd")).isEqualTo("2027-02-01T00:00:00+01:00");
        // 4 x 12/31 = 1.55 desk-days, rounded down to the half day
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(1.5);

        Fixtures.refused(
                as(member).body(Map.of("planId", plan)).post(place.api() + "/subscriptions"),
                409,
                "subscription.already-active");

        LocalDate thursday = LocalDate.of(2027, 1, 21);
        Fixtures.booked(member, place, Fixtures.slot(pool, place.at(thursday, 9), place.at(thursday, 18)));
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(0.5);
        String friday = Fixtures.booked(
                member,
                place,
                Fixtures.slot(pool, place.at(thursday.plusDays(1), 9), place.at(thursday.plusDays(1), 13)));
        assertThat(PlanSteps.usableLeft(member, place)).isZero();

        // run out: the next day would be paid in full
        LocalDate monday = LocalDate.of(2027, 1, 25);
        JsonPath preview = as(member)
                .queryParam("resourceId", pool)
                .queryParam("start", place.at(monday, 9))
                .queryParam("end", place.at(monday, 18))
                .get(place.api() + "/credits/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(preview.getList("covered")).isEmpty();
        assertThat(preview.getDouble("remaining.DAY")).isEqualTo(1.0);
        String paid = Fixtures.booked(member, place, Fixtures.slot(pool, place.at(monday, 9), place.at(monday, 18)));
        assertThat(PlanSteps.totalLeft(member, place)).isZero();

        // cancelling gives back exactly what the booking took, cancelling the paid one gives nothing
        Fixtures.cancel(member, place, friday, null).then().statusCode(200);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(0.5);
        Fixtures.cancel(member, place, paid, null).then().statusCode(200);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(0.5);
        List<Map<String, Object>> history = PlanSteps.credits(member, place).getList("history.items");
        assertThat(history).extracting(e -> e.get("type")).containsExactly("REFUND", "CONSUME", "CONSUME", "GRANT");

        // 1 February, half past midnight in Paris: the renewal renews once, and only once
        clock.setTo(at(place, LocalDateTime.of(2027, 2, 1, 0, 30)));
        assertThat(PlanSteps.renew(place)).isEqualTo(1);
        assertThat(PlanSteps.renew(place)).isZero();
        JsonPath credits = PlanSteps.credits(member, place);
        List<Map<String, Object>> lots = credits.getList("lots");
        assertThat(lots).hasSize(2);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(4.0);
        assertThat(credits.getString("history.items[0].type")).isIn("GRANT", "EXPIRE");
        assertThat(credits.getList("history.items", Map.class))
                .extracting(e -> e.get("type"))
                .contains("EXPIRE");
        JsonPath mine = as(member)
                .get(place.api() + "/subscriptions/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getString("[0].periodStart")).isEqualTo("2027-02-01T00:00:00+01:00");
        assertThat(mine.getString("[0].periodEnd")).isEqualTo("2027-03-01T00:00:00+01:00");
        assertThat(mine.getList("[0].periods.kind")).containsExactly("START", "RENEWAL");
        assertThat(mine.getString("[0].periods[1].price.amount")).isEqualTo("90.00");

        // February's credits pay February's bookings
        LocalDate tuesday = LocalDate.of(2027, 2, 2);
        Fixtures.booked(member, place, Fixtures.slot(pool, place.at(tuesday, 9), place.at(tuesday, 18)));
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(3.0);

        // the member's credits are the member's: another member sees none, the manager sees them
        assertThat(PlanSteps.credits(Demo.MEMBER, place).getList("lots")).isEmpty();
        String memberId = Fixtures.personId(member).toString();
        as(Demo.MANAGER).get(place.api() + "/credits/people/" + memberId).then().statusCode(200);
    }

    @Test
    void a_pack_pays_once_the_plan_credits_are_spent_and_expires_with_its_validity() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("carnet", Fixtures.PARIS);
        String pool = Fixtures.aResource("DESK_POOL").in(place).slotMinutes(60).create();
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        clock.setTo(at(place, LocalDateTime.of(2027, 1, 1, 8, 0)));
        String plan = PlanSteps.plan(place, PlanSteps.aPlan("Nomade", "MONTH", "40", "DESK_POOL", "DAY", 1));
        PlanSteps.subscribe(member, place, plan);
        String pack = as(Demo.MANAGER)
                .body(Map.of(
                        "name",
                        "Carnet 10 jours",
                        "scope",
                        Map.of("kind", "DESK_POOL"),
                        "unit",
                        "DAY",
                        "quantity",
                        10,
                        "validityMonths",
                        1,
                        "price",
                        Map.of("amount", "150.00"),
                        "vatRate",
                        "20"))
                .post(place.api() + "/packs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath bought = as(member)
                .body(Map.of("packId", pack))
                .post(place.api() + "/pack-purchases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(bought.getString("status")).isEqualTo("CONFIRMED");
        assertThat(bought.getString("quote.charged.amount")).isEqualTo("150.00");
        assertThat(bought.getString("expiresAt")).isEqualTo("2027-02-01T08:00:00+01:00");
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(11.0);

        // Monday 4 and Tuesday 5 January: the plan's day first, then the pack
        LocalDate monday = LocalDate.of(2027, 1, 4);
        Fixtures.booked(member, place, Fixtures.slot(pool, place.at(monday, 9), place.at(monday, 18)));
        Fixtures.booked(
                member, place, Fixtures.slot(pool, place.at(monday.plusDays(1), 9), place.at(monday.plusDays(1), 18)));
        List<Map<String, Object>> lots = PlanSteps.credits(member, place).getList("lots");
        assertThat(lots).extracting(l -> l.get("source")).containsExactly("PLAN", "PACK");
        assertThat(lots).extracting(l -> ((Number) l.get("left")).doubleValue()).containsExactly(0.0, 9.0);

        // past the pack's validity the job expires what is left (and the plan's month, renewed)
        clock.setTo(at(place, LocalDateTime.of(2027, 2, 1, 9, 0)));
        int renewed = PlanSteps.renew(place);
        assertThat(renewed).isEqualTo(1);
        List<Map<String, Object>> after = PlanSteps.credits(member, place).getList("lots");
        assertThat(after)
                .filteredOn(l -> "PACK".equals(l.get("source")))
                .extracting(l -> ((Number) l.get("left")).doubleValue())
                .containsExactly(0.0);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(1.0);
        assertThat(PlanSteps.credits(member, place).getList("history.items", Map.class))
                .filteredOn(e -> "EXPIRE".equals(e.get("type")) && "PACK".equals(e.get("source")))
                .extracting(e -> ((Number) e.get("quantity")).doubleValue())
                .containsExactly(-9.0);
    }
}
