package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.PlanSteps.at;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/** Subscriptions as the calendar turns: a leap day, the spring DST change, a plan change mid-month, a pause. */
@QuarkusTest
class CreditsClockTest {

    @Test
    void subscribing_on_the_29th_of_february_2028_prorates_one_day_of_29_and_renews_on_the_1st_of_march() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("bissextile", Fixtures.PARIS);
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        clock.setTo(at(place, LocalDateTime.of(2028, 2, 29, 10, 0)));
        String plan = PlanSteps.plan(
                place, PlanSteps.aPlan("Maker", "MONTH", "29.00", "MACHINE", "HOUR", 20, "DESK_POOL", "DAY", 10));
        JsonPath subscribed = PlanSteps.subscribe(member, place, plan);
        assertThat(subscribed.getString("quote.charged.amount")).isEqualTo("1.00"); // 29 x 1/29
        assertThat(subscribed.getString("periodEnd")).isEqualTo("2028-03-01T00:00:00+01:00");
        // 20 x 1/29 = 0.69 hour, down to 0.5; 10 x 1/29 = 0.34 day, down to nothing
        List<Map<String, Object>> lots = PlanSteps.credits(member, place).getList("lots");
        assertThat(lots)
                .extracting(l -> l.get("unit"), l -> ((Number) l.get("left")).doubleValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HOUR", 0.5));

        clock.setTo(at(place, LocalDateTime.of(2028, 2, 29, 23, 59)));
        assertThat(PlanSteps.renew(place)).isZero();
        clock.setTo(at(place, LocalDateTime.of(2028, 3, 1, 0, 0)));
        assertThat(PlanSteps.renew(place)).isEqualTo(1);
        JsonPath mine = as(member)
                .get(place.api() + "/subscriptions/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getString("[0].periodStart")).isEqualTo("2028-03-01T00:00:00+01:00");
        assertThat(mine.getString("[0].periodEnd")).isEqualTo("2028-04-01T00:00:00+02:00");
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(30.0);
    }

    @Test
    void the_spring_dst_change_moves_neither_the_end_of_march_nor_the_renewal() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("heure-ete", Fixtures.PARIS);
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        // 10 March 2027, winter time; summer time starts on Sunday 28 March
        clock.setTo(at(place, LocalDateTime.of(2027, 3, 10, 9, 0)));
        String plan = PlanSteps.plan(place, PlanSteps.aPlan("Nomade", "MONTH", "31.00", "DESK_POOL", "DAY", 5));
        JsonPath subscribed = PlanSteps.subscribe(member, place, plan);
        assertThat(subscribed.getString("quote.charged.amount")).isEqualTo("22.00"); // 31 x 22/31
        assertThat(subscribed.getString("periodEnd")).isEqualTo("2027-04-01T00:00:00+02:00");

        // 23:30 on 31 March is 21:30 UTC: not yet April in Paris
        clock.setTo(at(place, LocalDateTime.of(2027, 3, 31, 23, 30)));
        assertThat(PlanSteps.renew(place)).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(PlanSteps.renew(place)).isEqualTo(1);
        JsonPath mine = as(member)
                .get(place.api() + "/subscriptions/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getString("[0].periodStart")).isEqualTo("2027-04-01T00:00:00+02:00");
        assertThat(mine.getString("[0].periodEnd")).isEqualTo("2027-05-01T00:00:00+02:00");

        // a desk-day on the Monday after the change is one day, paid by April's credits
        String pool = Fixtures.aResource("DESK_POOL").in(place).slotMinutes(60).create();
        LocalDate monday = LocalDate.of(2027, 4, 5);
        Fixtures.booked(member, place, Fixtures.slot(pool, place.at(monday, 9), place.at(monday, 18)));
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(4.0);
    }

    @Test
    void changing_plan_mid_month_credits_the_unused_days_and_grants_the_new_credits_prorata() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("changement", Fixtures.PARIS);
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        clock.setTo(at(place, LocalDateTime.of(2027, 1, 1, 9, 0)));
        String small = PlanSteps.plan(place, PlanSteps.aPlan("Petit", "MONTH", "62.00", "DESK_POOL", "DAY", 5));
        String big = PlanSteps.plan(place, PlanSteps.aPlan("Grand", "MONTH", "124.00", "DESK_POOL", "DAY", 10));
        String subscription = PlanSteps.subscribe(member, place, small).getString("id");
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(5.0);

        // 21 January: 11 days of 31 left
        clock.setTo(at(place, LocalDateTime.of(2027, 1, 21, 9, 0)));
        JsonPath quote = as(member)
                .queryParam("planId", big)
                .get(place.api() + "/subscriptions/" + subscription + "/change-plan/quote")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quote.getList("lines.totalInclVat.amount")).containsExactly("-22.00", "44.00");
        assertThat(quote.getString("charged.amount")).isEqualTo("22.00");
        JsonPath changed = as(member)
                .body(Map.of("planId", big))
                .post(place.api() + "/subscriptions/" + subscription + "/change-plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(changed.getString("planName")).isEqualTo("Grand");
        assertThat(changed.getList("periods.kind")).containsExactly("START", "CHANGE");
        // the small plan's 5 days expire; 10 x 11/31 = 3.55, down to 3.5
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(3.5);
        Fixtures.refused(
                as(member)
                        .body(Map.of("planId", big))
                        .post(place.api() + "/subscriptions/" + subscription + "/change-plan"),
                409,
                "subscription.same-plan");
    }

    @Test
    void a_suspended_subscription_is_not_renewed_and_restarts_on_the_current_period_when_resumed() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("pause", Fixtures.PARIS);
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        clock.setTo(at(place, LocalDateTime.of(2027, 5, 1, 9, 0)));
        String plan = PlanSteps.plan(place, PlanSteps.aPlan("Résident", "MONTH", "90", "DESK_POOL", "DAY", 10));
        String id = PlanSteps.subscribe(member, place, plan).getString("id");
        as(Demo.MANAGER)
                .post(place.api() + "/subscriptions/" + id + "/suspend")
                .then()
                .statusCode(200);
        Fixtures.refused(
                as(Demo.MANAGER).post(place.api() + "/subscriptions/" + id + "/suspend"),
                409,
                "subscription.illegal-transition");
        Fixtures.refused(
                as(member).post(place.api() + "/subscriptions/" + id + "/suspend"), 403, "access.role-missing");

        clock.setTo(at(place, LocalDateTime.of(2027, 7, 16, 9, 0)));
        assertThat(PlanSteps.renew(place)).isZero();
        JsonPath resumed = as(Demo.MANAGER)
                .post(place.api() + "/subscriptions/" + id + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(resumed.getString("status")).isEqualTo("ACTIVE");
        assertThat(resumed.getString("periodEnd")).isEqualTo("2027-08-01T00:00:00+02:00");
        assertThat(resumed.getString("quote.charged.amount")).isEqualTo("46.45"); // 90 x 16/31
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(5.0); // 10 x 16/31 = 5.16

        // cancelled at period end: ends on 1 August, its credits expire, a new subscription is possible
        as(member)
                .body(Map.of())
                .post(place.api() + "/subscriptions/" + id + "/cancel")
                .then()
                .statusCode(200);
        clock.setTo(at(place, LocalDateTime.of(2027, 8, 1, 6, 0)));
        assertThat(PlanSteps.renew(place)).isEqualTo(1);
        JsonPath ended = as(member)
                .get(place.api() + "/subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ended.getString("status")).isEqualTo("ENDED");
        assertThat(PlanSteps.totalLeft(member, place)).isZero();
        PlanSteps.subscribe(member, place, plan);
    }
}
