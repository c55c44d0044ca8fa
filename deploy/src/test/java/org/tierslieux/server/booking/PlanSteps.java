package org.tierslieux.server.booking;

import static org.tierslieux.server.booking.Fixtures.as;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.server.testsupport.Demo;

/** What plan and credit tests set up and read, through the API as members and managers do. */
final class PlanSteps {

    private PlanSteps() {}

    /** A plan body: monthly at {@code price} (VAT 20 %), with credits given as (kind, unit, quantity) triples. */
    static Map<String, Object> aPlan(String name, String period, String price, Object... credits) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("period", period);
        body.put("price", Map.of("amount", price, "currency", "EUR"));
        body.put("vatRate", "20");
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < credits.length; i += 3) {
            list.add(Map.of("scope", Map.of("kind", credits[i]), "unit", credits[i + 1], "quantity", credits[i + 2]));
        }
        body.put("credits", list);
        return body;
    }

    static String plan(Fixtures.Place place, Map<String, Object> body) {
        return as(Demo.MANAGER)
                .body(body)
                .post(place.api() + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static JsonPath subscribe(String who, Fixtures.Place place, String plan) {
        return as(who).body(Map.of("planId", plan))
                .post(place.api() + "/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath credits(String who, Fixtures.Place place) {
        return as(who).get(place.api() + "/credits/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** What is left over every lot of the member that is usable now (by the application's clock). */
    static double usableLeft(String who, Fixtures.Place place) {
        List<Map<String, Object>> lots = credits(who, place).getList("lots");
        return lots.stream()
                .filter(l -> Boolean.TRUE.equals(l.get("usableNow")))
                .mapToDouble(l -> ((Number) l.get("left")).doubleValue())
                .sum();
    }

    /** Left over all the member's lots, usable or not (expired lots have nothing left). */
    static double totalLeft(String who, Fixtures.Place place) {
        List<Map<String, Object>> lots = credits(who, place).getList("lots");
        return lots.stream()
                .mapToDouble(l -> ((Number) l.get("left")).doubleValue())
                .sum();
    }

    /** The manager runs the renewal job of the place now; returns how many periods it renewed or ended. */
    static int renew(Fixtures.Place place) {
        return as(Demo.MANAGER)
                .post(place.api() + "/subscriptions/renewals")
                .then()
                .statusCode(200)
                .extract()
                .path("renewed");
    }

    static Instant at(Fixtures.Place place, LocalDateTime local) {
        return local.atZone(place.zone()).toInstant();
    }
}
