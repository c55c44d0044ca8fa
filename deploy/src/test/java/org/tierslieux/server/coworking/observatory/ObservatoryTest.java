package org.tierslieux.server.coworking.observatory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Bookings;
import org.tierslieux.server.testsupport.Demo;

/**
 * The observatory as a manager, a treasurer, a network coordinator and an open-data reuser see it, against the
 * real database: a place of its own (default hours, Monday to Friday 9:00–18:00) with one machine booked two
 * hours gives exact figures; the demo places give the network's.
 */
@QuarkusTest
class ObservatoryTest {

    private static String place;
    private static LocalDate tuesday;
    private static LocalDate monday;
    private static LocalDate sunday;

    @BeforeEach
    void a_fablab_with_one_machine_booked_two_hours() {
        if (place != null) {
            return;
        }
        place = "obs-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var body = new HashMap<>(Demo.aPlace(place, "Observatoire " + place));
        body.put("kinds", List.of("FABLAB"));
        as(ADMIN).body(body).post("/api/v1/network/places").then().statusCode(201);
        grant(MANAGER, "MANAGER");
        grant(TREASURER, "TREASURER");
        grant(MEMBER, "MEMBER");
        String machine = Bookings.aResource(place, "MACHINE", "Découpeuse laser");
        tuesday = Bookings.aTuesday();
        monday = tuesday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        sunday = monday.plusDays(6);
        Bookings.book(MEMBER, place, machine, Bookings.at(tuesday, 10), Bookings.at(tuesday, 12));
    }

    private static void grant(String email, String role) {
        as(ADMIN)
                .body(Map.of("email", email, "roles", List.of(role)))
                .post("/api/v1/places/" + place + "/members")
                .then()
                .statusCode(200);
    }

    private String week() {
        return "?from=" + monday + "&to=" + sunday + "&granularity=week";
    }

    @Test
    void a_manager_sees_the_occupancy_bookings_members_and_machine_hours_of_a_week() {
        JsonPath figures = as(MANAGER)
                .get("/api/v1/places/" + place + "/observatory" + week())
                .then()
                .statusCode(200)
                .body("place", equalTo(place))
                .body("granularity", equalTo("WEEK"))
                .body("kinds", hasItem("MACHINE"))
                .extract()
                .jsonPath();
        assertThat(figures.getList("periods")).hasSize(1);
        // five days open 9:00–18:00 = 45 hours of one machine; two of them booked
        assertThat(figures.getString("periods[0].occupancy.find { it.kind == 'MACHINE' }.openSeatHours"))
                .isEqualTo("45.0");
        assertThat(figures.getString("periods[0].occupancy.find { it.kind == 'MACHINE' }.bookedSeatHours"))
                .isEqualTo("2.0");
        assertThat(figures.getDouble("periods[0].occupancy.find { it.kind == 'MACHINE' }.rate"))
                .isEqualTo(0.0444);
        assertThat(figures.getInt("periods[0].bookings")).isEqualTo(1);
        assertThat(figures.getInt("periods[0].activeMembers")).isEqualTo(1);
        assertThat(figures.getDouble("periods[0].machineHours")).isEqualTo(2.0);
        assertThat(figures.getString("periods[0].label")).matches("\\d{4}-W\\d{2}");
        assertThat(figures.getString("periods[0].start")).isEqualTo(monday.toString());
    }

    @Test
    void months_count_the_new_members_when_they_joined_and_the_booking_in_its_month() {
        LocalDate today = LocalDate.now(Bookings.PARIS);
        JsonPath figures = as(TREASURER)
                .get("/api/v1/places/" + place + "/observatory?from=" + today.withDayOfMonth(1) + "&to=" + tuesday
                        + "&granularity=month")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> periods = figures.getList("periods");
        assertThat(periods).hasSizeBetween(1, 2);
        // the member joined today (the manager and the treasurer are no new members)
        assertThat(figures.getInt("periods[0].newMembers")).isEqualTo(1);
        int bookings =
                periods.stream().mapToInt(p -> (Integer) p.get("bookings")).sum();
        assertThat(bookings).isEqualTo(1);
        assertThat(figures.getString("periods[-1].end")).isEqualTo(tuesday.toString());
    }

    @Test
    void only_managers_treasurers_and_network_admins_see_a_place_and_only_network_admins_the_network() {
        as(MEMBER).get("/api/v1/places/" + place + "/observatory").then().statusCode(403);
        anonymous().get("/api/v1/places/" + place + "/observatory").then().statusCode(401);
        as(ADMIN).get("/api/v1/places/" + place + "/observatory").then().statusCode(200);
        as(TREASURER).get("/api/v1/places/" + FILATURE + "/observatory").then().statusCode(200);
        as(MANAGER).get("/api/v1/network/observatory").then().statusCode(403);
        as(MEMBER).get("/api/v1/network/observatory").then().statusCode(403);
        anonymous().get("/api/v1/network/observatory").then().statusCode(401);
        as(MANAGER).get("/api/v1/places/no-such-place/observatory").then().statusCode(404);
    }

    @Test
    void nonsense_periods_are_refused_with_a_clear_problem() {
        Map<String, String> refusals = Map.of(
                "?granularity=day", "observatory.granularity-invalid",
                "?from=2026-13-01", "observatory.date-invalid",
                "?to=yesterday", "observatory.date-invalid",
                "?from=2026-06-01&to=2026-05-01", "observatory.period-reversed",
                "?from=2000-01-01&to=2026-01-01", "observatory.period-too-long");
        refusals.forEach((query, code) -> {
            as(MANAGER)
                    .get("/api/v1/places/" + place + "/observatory" + query)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo(code));
            as(ADMIN)
                    .get("/api/v1/network/observatory" + query)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo(code));
            // as a spreadsheet or curl asks (Accept: */*): the refusal is still problem+json
            given().get("/api/v1/network/observatory/open-data.csv" + query)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo(code));
        });
    }

    @Test
    void the_network_admin_sees_every_place_and_totals_that_add_them_up() {
        JsonPath network = as(ADMIN)
                .get("/api/v1/network/observatory" + week())
                .then()
                .statusCode(200)
                .body("places.place", hasItems(place, FILATURE, Demo.ATELIER))
                .extract()
                .jsonPath();
        assertThat(network.getInt("places.find { it.place == '" + place + "' }.periods[0].bookings"))
                .isEqualTo(1);
        List<Integer> bookings = network.getList("places.collect { it.periods[0].bookings }", Integer.class);
        assertThat(network.getInt("totals[0].bookings"))
                .isEqualTo(bookings.stream().mapToInt(Integer::intValue).sum());
        List<Float> machine = network.getList("places.collect { it.periods[0].machineHours }", Float.class);
        assertThat(network.getDouble("totals[0].machineHours"))
                .isCloseTo(
                        machine.stream().mapToDouble(Float::doubleValue).sum(),
                        org.assertj.core.data.Offset.offset(0.01));
        boolean visits = network.getBoolean("networkVisitsCounted");
        assertThat(network.getMap("totals[0]")).containsKey("networkDaysHosted");
        if (visits) {
            assertThat(network.getDouble("totals[0].networkDaysHosted")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void open_data_is_public_aggregates_without_any_personal_data() {
        String csv = anonymous()
                .accept("text/csv")
                .get("/api/v1/network/observatory/open-data.csv" + week())
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("place,place_name,granularity,period_start,period_end,measure,resource_kind,value");
        assertThat(lines)
                .contains(place + ",Observatoire " + place + ",week," + monday + "," + sunday + ",machine_hours,,2.00")
                .contains(place + ",Observatoire " + place + ",week," + monday + "," + sunday
                        + ",booked_seat_hours,MACHINE,2.00")
                .anyMatch(l -> l.startsWith("network,,week," + monday));
        // no e-mail, no person's name, no booking id in the open data
        assertThat(csv).doesNotContain("@").doesNotContain("demo.test").doesNotContain("Découpeuse");
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1).length)).allMatch(n -> n == 8);

        JsonPath json = anonymous()
                .get("/api/v1/network/observatory/open-data.json" + week())
                .then()
                .statusCode(200)
                .body("dataset", equalTo("tierslieux-observatory"))
                .body("granularity", equalTo("week"))
                .extract()
                .jsonPath();
        assertThat(json.getDouble("rows.find { it.place == '" + place + "' && it.measure == 'bookings' }.value"))
                .isEqualTo(1.0);
        assertThat(json.prettify())
                .doesNotContain("@")
                .doesNotContain("personId")
                .doesNotContain("Découpeuse");
    }

    @Test
    void the_pages_show_charts_drawn_by_a_static_script_and_tables_readable_without_it() {
        String html = Demo.browsing(MANAGER)
                .get("/" + place + "/observatory" + week())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("id=\"chart-occupancy\"")
                .contains("/webjars/chart.js/4.4.1/dist/chart.umd.js")
                .contains("/static/coworking/observatory.js")
                .contains("data-figures=")
                .contains("<td class=\"bookings\">1</td>")
                .contains("<td class=\"machine-hours\">2.00</td>")
                .contains("4 %");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
        assertThat(html).doesNotContain(" style=");

        String network = Demo.browsing(ADMIN)
                .get("/network/observatory" + week())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(network)
                .contains("id=\"observatory-" + place + "\"")
                .contains("id=\"observatory-la-filature\"")
                .contains("open-data.csv");
        Demo.browsing(MEMBER).get("/network/observatory").then().statusCode(403);
        Demo.browsing(MEMBER).get("/" + place + "/observatory").then().statusCode(403);
        given().get("/static/coworking/observatory.js").then().statusCode(200).body(containsString("new Chart"));
    }
}
