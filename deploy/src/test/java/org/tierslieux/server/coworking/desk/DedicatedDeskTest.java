package org.tierslieux.server.coworking.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.aPerson;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.aPlace;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.as;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.nextTuesday;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.refused;
import static org.tierslieux.server.coworking.desk.DeskPoolTest.resource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * Dedicated desks through the API against the real database: a manager assigns a desk to a member's
 * subscription, only the holder may have it, the holder releases days that another member then books (and can no
 * longer take back), the assignment ends with the subscription or by the manager, and bad input is answered with
 * problems.
 */
@QuarkusTest
class DedicatedDeskTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_manager_assigns_a_desk_and_only_its_holder_may_have_it() {
        Setup s = new Setup("assign");
        LocalDate tuesday = nextTuesday();
        assertThat(freeIntervals(s, tuesday)).as("free before anyone holds it").isNotEmpty();

        JsonPath assignment = s.assign(s.desk, s.holder);
        assertThat(assignment.getString("deskName")).startsWith("desk-");
        assertThat(assignment.getBoolean("active")).isTrue();
        assertThat(assignment.getString("endsAt"))
                .as("as long as the subscription runs")
                .isNull();
        assertThat(assignment.getString("subscriptionId")).isEqualTo(s.holderSubscription);

        // another member sees the desk held that day and cannot book it, by the desks API or the bookings API
        JsonPath named = as(s.other)
                .get(s.api + "/desks/named?from=" + tuesday + "&to=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(named.getList("desks.resourceId")).containsExactly(s.desk);
        assertThat(named.getBoolean("desks[0].assigned")).isTrue();
        assertThat(named.getString("desks[0].days[0].standing")).isEqualTo("HELD");
        assertThat(named.getList("desks[0].days[0].parts.free")).containsOnly(0);
        assertThat(freeIntervals(s, tuesday))
                .as("the availability every booking page reads shows the held day taken")
                .isEmpty();
        refused(
                as(s.other)
                        .body(Map.of("resourceId", s.desk, "date", tuesday.toString()))
                        .post(s.api + "/desks/bookings"),
                409,
                "desk.assigned");
        refused(
                as(s.other)
                        .body(Map.of(
                                "resourceId", s.desk,
                                "start",
                                        tuesday.atTime(9, 0)
                                                .atZone(PARIS)
                                                .toOffsetDateTime()
                                                .toString(),
                                "end",
                                        tuesday.atTime(13, 0)
                                                .atZone(PARIS)
                                                .toOffsetDateTime()
                                                .toString()))
                        .post(s.api + "/bookings"),
                409,
                "desk.assigned");

        // the holder sees it as theirs and may book it (no need to)
        JsonPath mine = as(s.holder)
                .get(s.api + "/desks/named?from=" + tuesday + "&to=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getBoolean("desks[0].yours")).isTrue();
        assertThat(mine.getString("desks[0].days[0].standing")).isEqualTo("YOURS");
        as(s.holder)
                .body(Map.of("resourceId", s.desk, "date", tuesday.toString(), "part", "MORNING"))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201);
        List<String> held = as(s.holder)
                .get(s.api + "/desk-assignments/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(held).containsExactly(assignment.getString("id"));
        assertThat(as(s.other)
                        .get(s.api + "/desk-assignments/mine")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .isEmpty();

        // one assignment per desk at a time
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", s.desk, "personId", s.otherId))
                        .post(s.api + "/desk-assignments"),
                409,
                "desk.already-assigned");
        assertThat(Demo.as(Demo.MANAGER)
                        .get(s.api + "/desk-assignments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("holderName"))
                .containsExactly("Coworker");
    }

    @Test
    void a_released_day_is_booked_by_another_member_and_can_no_longer_be_taken_back() {
        Setup s = new Setup("release");
        LocalDate tuesday = nextTuesday();
        assertThat(freeIntervals(s, tuesday.plusDays(1)))
                .as("open on Wednesdays")
                .isNotEmpty();
        String id = s.assign(s.desk, s.holder).getString("id");

        JsonPath released = as(s.holder)
                .body(Map.of("from", tuesday.toString()))
                .post(s.api + "/desk-assignments/" + id + "/releases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(released.getList("days.state")).containsExactly("RELEASED");

        JsonPath named = as(s.other)
                .get(s.api + "/desks/named?from=" + tuesday + "&to=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(named.getString("desks[0].days[0].standing")).isEqualTo("RELEASED");
        assertThat(named.getList("desks[0].days[0].parts.free")).containsOnly(1);
        assertThat(freeIntervals(s, tuesday)).as("a released day is free again").isNotEmpty();
        assertThat(freeIntervals(s, tuesday.plusDays(1)))
                .as("the next day is still kept")
                .isEmpty();
        JsonPath booked = as(s.other)
                .body(Map.of("resourceId", s.desk, "date", tuesday.toString(), "part", "AFTERNOON"))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(booked.getString("start")).startsWith(tuesday + "T13:00");

        // the holder sees the day taken and cannot take it back
        JsonPath days = as(s.holder)
                .get(s.api + "/desk-assignments/" + id + "/days?from=" + tuesday + "&to=" + tuesday.plusDays(1))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(days.getList("days.state")).containsExactly("TAKEN", "HELD");
        refused(
                as(s.holder)
                        .body(Map.of("from", tuesday.toString()))
                        .post(s.api + "/desk-assignments/" + id + "/take-back"),
                409,
                "desk.release-booked");

        // a day released then taken back while unbooked is the holder's again
        LocalDate wednesday = tuesday.plusDays(1);
        as(s.holder)
                .body(Map.of("from", wednesday.toString()))
                .post(s.api + "/desk-assignments/" + id + "/releases")
                .then()
                .statusCode(200);
        JsonPath back = as(s.holder)
                .body(Map.of("from", wednesday.toString()))
                .post(s.api + "/desk-assignments/" + id + "/take-back")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(back.getList("days.state")).containsExactly("HELD");
        refused(
                as(s.other)
                        .body(Map.of("resourceId", s.desk, "date", wednesday.toString()))
                        .post(s.api + "/desks/bookings"),
                409,
                "desk.assigned");

        // a range: away Thursday and Friday
        JsonPath range = as(s.holder)
                .body(Map.of(
                        "from",
                        tuesday.plusDays(2).toString(),
                        "to",
                        tuesday.plusDays(3).toString()))
                .post(s.api + "/desk-assignments/" + id + "/releases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(range.getList("days.state")).containsExactly("RELEASED", "RELEASED");
        as(s.other)
                .body(Map.of("resourceId", s.desk, "date", tuesday.plusDays(3).toString()))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void the_assignment_ends_with_the_subscription_and_when_a_manager_ends_it() {
        Setup s = new Setup("ends");
        LocalDate tuesday = nextTuesday();
        String id = s.assign(s.desk, s.holder).getString("id");

        Demo.as(Demo.MANAGER)
                .body(Map.of("atOnce", true))
                .post(s.api + "/subscriptions/" + s.holderSubscription + "/cancel")
                .then()
                .statusCode(200);
        JsonPath after = Demo.as(Demo.MANAGER)
                .get(s.api + "/desk-assignments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getBoolean("active")).isFalse();
        assertThat(after.getString("endsAt")).isNotNull();
        assertThat(Demo.as(Demo.MANAGER)
                        .get(s.api + "/desk-assignments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .doesNotContain(id);
        assertThat(Demo.as(Demo.MANAGER)
                        .get(s.api + "/desk-assignments?all=true")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .contains(id);
        assertThat(as(s.holder)
                        .get(s.api + "/desk-assignments/mine")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .isEmpty();
        refused(
                as(s.holder)
                        .body(Map.of("from", tuesday.toString()))
                        .post(s.api + "/desk-assignments/" + id + "/releases"),
                409,
                "desk.assignment-ended");

        // the desk is anyone's again, and can go to another subscriber
        as(s.other)
                .body(Map.of("resourceId", s.desk, "date", tuesday.toString(), "part", "MORNING"))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201);
        String otherSubscription = s.subscribe(s.other);
        String second = s.assign(s.desk, s.other).getString("id");
        // the other member's own booking stands; the holder-to-be is the same person, nothing released
        JsonPath days = as(s.other)
                .get(s.api + "/desk-assignments/" + second + "/days?from=" + tuesday + "&to=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(days.getList("days.state")).containsExactly("HELD");
        assertThat(otherSubscription).isNotNull();

        JsonPath ended = Demo.as(Demo.MANAGER)
                .post(s.api + "/desk-assignments/" + second + "/end")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ended.getBoolean("active")).isFalse();
        refused(
                Demo.as(Demo.MANAGER).post(s.api + "/desk-assignments/" + second + "/end"),
                409,
                "desk.assignment-ended");
        as(s.holder)
                .body(Map.of("resourceId", s.desk, "date", tuesday.toString(), "part", "AFTERNOON"))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void others_bookings_taken_before_the_assignment_stand_as_released_days() {
        Setup s = new Setup("before");
        LocalDate tuesday = nextTuesday();
        as(s.other)
                .body(Map.of("resourceId", s.desk, "date", tuesday.toString(), "part", "MORNING"))
                .post(s.api + "/desks/bookings")
                .then()
                .statusCode(201);
        String id = s.assign(s.desk, s.holder).getString("id");
        JsonPath days = as(s.holder)
                .get(s.api + "/desk-assignments/" + id + "/days?from=" + tuesday + "&to=" + tuesday.plusDays(1))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(days.getList("days.state")).containsExactly("TAKEN", "HELD");
    }

    /** The desk's free intervals that day, as the booking pages and the availability API show them. */
    private static List<Object> freeIntervals(Setup s, LocalDate day) {
        return as(s.other)
                .get(s.api + "/resources/" + s.desk + "/availability?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void the_holder_is_checked_in_on_their_desk_without_credits_by_the_desk_or_themself_but_not_on_a_released_day() {
        Setup s = new Setup("walkin");
        String id = s.assign(s.desk, s.holder).getString("id");

        // another member without credits is not walked in on someone's desk
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("email", s.other, "resourceId", s.desk))
                        .post(s.api + "/checkins/walk-in"),
                422,
                "checkin.walk-in-desk-pool-only");

        // the holder comes in: checked in on their desk, although their plan has no desk-day to spend
        JsonPath done = Demo.as(Demo.MANAGER)
                .body(Map.of("email", s.holder, "resourceId", s.desk))
                .post(s.api + "/checkins/walk-in")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(done.getString("resourceName")).startsWith("desk-");
        assertThat(done.getString("method")).isEqualTo("WALK_IN");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("email", s.holder, "resourceId", s.desk))
                        .post(s.api + "/checkins/walk-in"),
                409,
                "checkin.already-here");
        assertThat(Demo.as(Demo.MANAGER)
                        .get(s.api + "/occupancy/live")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("resources.findAll { it.kind == 'DESK' }.checkedIn"))
                .as("the desk is occupied now")
                .containsExactly(1);

        // nor may another member check themself in on a desk that is not theirs
        refused(as(s.other).post(s.api + "/checkins/self/desk"), 409, "checkin.no-desk-today");

        // the holder checks themself in from the "I'm here" page: their desk, one button
        Setup u = new Setup("selfdesk");
        u.assign(u.desk, u.holder);
        String session = sessionOf(u.holder);
        String self = "/" + u.place + "/checkin/self";
        String before = page(session).get(self).then().statusCode(200).extract().asString();
        assertThat(before)
                .contains("id=\"own-desk\"")
                .contains("id=\"self-desk\"")
                .contains("desk-");
        String after = page(session)
                .post(self + "/desk")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(after).contains("id=\"checked-in\"").doesNotContain("id=\"self-desk\"");
        refused(as(u.holder).post(u.api + "/checkins/self/desk"), 409, "checkin.already-here");

        // a day released is not the holder's: they come like anyone else (no credits here: refused)
        Setup t = new Setup("walkin2");
        String other = t.assign(t.desk, t.holder).getString("id");
        as(t.holder)
                .body(Map.of("from", LocalDate.now(PARIS).toString()))
                .post(t.api + "/desk-assignments/" + other + "/releases")
                .then()
                .statusCode(200);
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("email", t.holder, "resourceId", t.desk))
                        .post(t.api + "/checkins/walk-in"),
                422,
                "checkin.walk-in-desk-pool-only");
        refused(as(t.holder).post(t.api + "/checkins/self/desk"), 409, "checkin.no-desk-today");
        assertThat(id).isNotEqualTo(other);
    }

    @Test
    void bad_input_is_answered_with_problems() {
        Setup s = new Setup("bad");
        LocalDate today = LocalDate.now(PARIS);

        // a member without an active subscription, a pool, a desk of another place, an unknown desk
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", s.desk, "personId", s.otherId))
                        .post(s.api + "/desk-assignments"),
                422,
                "desk.no-subscription");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", s.desk, "personId", s.holderId, "subscriptionId", UUID.randomUUID()))
                        .post(s.api + "/desk-assignments"),
                422,
                "desk.no-subscription");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", resource(s.place, "DESK_POOL", 3), "personId", s.holderId))
                        .post(s.api + "/desk-assignments"),
                422,
                "desk.not-a-desk");
        String elsewhere = aPlace("elsewhere");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", resource(elsewhere, "DESK", 1), "personId", s.holderId))
                        .post(s.api + "/desk-assignments"),
                404,
                "resource.not-found");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("resourceId", UUID.randomUUID(), "personId", s.holderId))
                        .post(s.api + "/desk-assignments"),
                404,
                "resource.not-found");
        var missing = Demo.as(Demo.MANAGER).body(Map.of()).post(s.api + "/desk-assignments");
        assertThat(missing.statusCode()).isIn(400, 422);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        // members do not assign desks
        assertThat(as(s.holder)
                        .body(Map.of("resourceId", s.desk, "personId", s.holderId))
                        .post(s.api + "/desk-assignments")
                        .statusCode())
                .isEqualTo(403);

        String id = s.assign(s.desk, s.holder).getString("id");
        refused(
                as(s.holder)
                        .body(Map.of("from", today.minusDays(1).toString()))
                        .post(s.api + "/desk-assignments/" + id + "/releases"),
                422,
                "desk.day-past");
        refused(
                as(s.holder)
                        .body(Map.of(
                                "from",
                                today.plusDays(3).toString(),
                                "to",
                                today.plusDays(1).toString()))
                        .post(s.api + "/desk-assignments/" + id + "/releases"),
                422,
                "desk.range-invalid");
        refused(
                as(s.holder)
                        .body(Map.of(
                                "from",
                                today.toString(),
                                "to",
                                today.plusDays(200).toString()))
                        .post(s.api + "/desk-assignments/" + id + "/releases"),
                422,
                "desk.range-too-long");
        var garbled = as(s.holder).body(Map.of("from", "demain")).post(s.api + "/desk-assignments/" + id + "/releases");
        assertThat(garbled.statusCode()).isIn(400, 422);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
        refused(as(s.holder).get(s.api + "/desk-assignments/" + id + "/days?from=hier"), 422, "desk.date-invalid");
        // someone else's assignment is not theirs to see or release
        refused(
                as(s.other)
                        .body(Map.of("from", today.plusDays(1).toString()))
                        .post(s.api + "/desk-assignments/" + id + "/releases"),
                404,
                "desk.assignment-not-found");
        refused(as(s.other).get(s.api + "/desk-assignments/" + id), 404, "desk.assignment-not-found");
        refused(
                Demo.as(Demo.MANAGER).post(s.api + "/desk-assignments/" + UUID.randomUUID() + "/end"),
                404,
                "desk.assignment-not-found");
    }

    @Test
    void a_manager_assigns_and_ends_a_desk_on_the_desks_page_and_the_holder_sees_it() {
        Setup s = new Setup("page");
        String manager = Demo.session(Demo.MANAGER);
        String page = "/" + s.place + "/desks";
        String before = page(manager).get(page).then().statusCode(200).extract().asString();
        assertThat(before)
                .contains("id=\"assign-desk\"")
                .contains("id=\"no-assignments\"")
                .contains(s.holder);

        page(manager)
                .formParam("resourceId", s.desk)
                .formParam("personId", s.holderId)
                .post(page + "/assignments")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("assigned=1"));
        String after = page(manager)
                .get(page + "?assigned=1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(after)
                .contains("Desk assigned.")
                .contains("class=\"assignment\"")
                .contains("Coworker");
        // the same desk again: the form says why
        page(manager)
                .formParam("resourceId", s.desk)
                .formParam("personId", s.holderId)
                .post(page + "/assignments")
                .then()
                .statusCode(409)
                .body(org.hamcrest.Matchers.containsString("is already assigned to Coworker"));

        // the holder's page: my desk, the next days to release; a past day is refused in words
        String holder = sessionOf(s.holder);
        String mine = page(holder).get(page).then().statusCode(200).extract().asString();
        assertThat(mine).contains("id=\"my-desk\"").contains("My desk").contains("release-day");
        String id = Demo.as(Demo.MANAGER)
                .get(s.api + "/desk-assignments")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        page(holder)
                .formParam("assignment", id)
                .formParam("from", LocalDate.now(PARIS).minusDays(2).toString())
                .post(page + "/release")
                .then()
                .statusCode(422)
                .body(org.hamcrest.Matchers.containsString("is past"));
        page(holder)
                .formParam("assignment", id)
                .formParam("from", nextTuesday().toString())
                .post(page + "/release")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("released=1"));
        // another member cannot end it; the manager can
        assertThat(page(holder).post(page + "/assignments/" + id + "/end").statusCode())
                .isEqualTo(403);
        page(manager).post(page + "/assignments/" + id + "/end").then().statusCode(303);
        assertThat(page(holder).get(page).then().statusCode(200).extract().asString())
                .doesNotContain("id=\"my-desk\"");
    }

    private static io.restassured.specification.RequestSpecification page(String session) {
        return Demo.browsingWith(session).cookie("lang", "en");
    }

    private static String sessionOf(String email) {
        return io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .formParam("j_username", email)
                .formParam("j_password", "un-long-mot-de-passe")
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie("tl-session");
    }

    /** A fresh place with a desk, a free monthly plan, a subscribed holder and another member without a plan. */
    private static final class Setup {
        final String place;
        final String api;
        final String desk;
        final String plan;
        final String holder;
        final String holderId;
        final String holderSubscription;
        final String other;
        final String otherId;

        Setup(String prefix) {
            place = aPlace(prefix);
            api = "/api/v1/places/" + place;
            desk = resource(place, "DESK", 1);
            plan = Demo.as(Demo.MANAGER)
                    .body(Map.of(
                            "name",
                            "Résident fixe",
                            "period",
                            "MONTH",
                            "price",
                            Map.of("amount", "0", "currency", "EUR"),
                            "vatRate",
                            "20",
                            "credits",
                            List.of()))
                    .post(api + "/plans")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            holder = aPerson(place);
            holderId = personId(holder);
            holderSubscription = subscribe(holder);
            other = aPerson(place);
            otherId = personId(other);
        }

        String subscribe(String who) {
            JsonPath subscribed = as(who).body(Map.of("planId", plan))
                    .post(api + "/subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            assertThat(subscribed.getString("status")).isEqualTo("ACTIVE");
            return subscribed.getString("id");
        }

        JsonPath assign(String desk, String who) {
            return Demo.as(Demo.MANAGER)
                    .body(Map.of("resourceId", desk, "personId", personId(who)))
                    .post(api + "/desk-assignments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
        }

        String personId(String email) {
            return as(email).get("/api/v1/me").then().statusCode(200).extract().path("id");
        }
    }
}
