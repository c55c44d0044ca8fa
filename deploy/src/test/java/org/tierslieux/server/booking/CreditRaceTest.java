package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/** The last credit, raced for: many bookings of one member at the same instant, one credit left. */
@QuarkusTest
class CreditRaceTest {

    private static final int RACERS = 6;

    @Test
    void of_concurrent_bookings_by_one_member_with_one_credit_left_exactly_one_is_covered() throws Exception {
        Fixtures.Place place = Fixtures.aPlace("course", Fixtures.PARIS);
        String pool = Fixtures.aResource("DESK_POOL")
                .in(place)
                .capacity(10)
                .slotMinutes(60)
                .create();
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        String pass = as(Demo.MANAGER)
                .body(Map.of(
                        "name",
                        "Pass journée",
                        "scope",
                        Map.of("kind", "DESK_POOL"),
                        "unit",
                        "DAY",
                        "quantity",
                        1,
                        "validityDays",
                        30,
                        "price",
                        Map.of("amount", "20"),
                        "vatRate",
                        "20",
                        "dayPass",
                        true))
                .post(place.api() + "/packs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(member)
                .body(Map.of("packId", pass))
                .post(place.api() + "/pack-purchases")
                .then()
                .statusCode(201);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(1.0);

        String token = Fixtures.token(member);
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 1);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            requests.add(Fixtures.post(
                    token, place.api() + "/bookings", Fixtures.slot(pool, place.at(day, 9), place.at(day, 18))));
        }
        List<Fixtures.Answer> answers = Fixtures.storm(RACERS, requests);
        assertThat(answers).extracting(Fixtures.Answer::status).containsOnly(201);

        List<Map<String, Object>> history = PlanSteps.credits(member, place).getList("history.items");
        assertThat(history).filteredOn(e -> "CONSUME".equals(e.get("type"))).hasSize(1);
        assertThat(PlanSteps.totalLeft(member, place)).isZero();
        // seen from above: no lot of the place below zero, and the ledger adds up to the balances shown
        assertThat(
                        Fixtures.count(
                                "select count(*) from (select lot_id from credit_entry group by lot_id having sum(quantity) < 0) neg"))
                .isZero();
        assertThat(Fixtures.count(
                        "select count(*) from credit_entry e join place p on p.id = e.tenant_id"
                                + " where p.slug = ? and e.type = 'CONSUME'",
                        place.slug()))
                .isEqualTo(1);
    }
}
