package org.tierslieux.server.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.aPlace;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.browsing;
import static org.tierslieux.server.testsupport.Demo.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The booking pages, server side: what members and managers see, forms that book, cancel and set the schedule,
 * refusals that come back with the reason in the person's language, and pages refused to members.
 */
@QuarkusTest
class BookingPagesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A Tuesday two weeks ahead or so, when both demo places are open from 9:00 to 18:00 at least. */
    static LocalDate tuesday() {
        return org.tierslieux.server.testsupport.Bookings.aTuesday();
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant();
    }

    static String offset(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String unique(String name) {
        return name + " " + Long.toString(System.nanoTime(), 36);
    }

    static String aResource(String place, String kind, String name, Integer capacity) {
        var body = new HashMap<String, Object>(Map.of("kind", kind, "name", name));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return as(MANAGER)
                .body(body)
                .post("/api/v1/places/" + place + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String bookThroughTheApi(String who, String place, String resource, LocalDate day, int from, int to) {
        return as(who).body(Map.of("resourceId", resource, "start", offset(day, from), "end", offset(day, to)))
                .post("/api/v1/places/" + place + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A desk slot (240 minutes from 9:00) posted as the week view's button does. */
    static io.restassured.response.Response tapSlot(String who, String resource, LocalDate day, int from, int to) {
        return browsing(who)
                .formParam("resourceId", resource)
                .formParam("start", at(day, from).toString())
                .formParam("end", at(day, to).toString())
                .formParam("week", day.toString())
                .post("/" + FILATURE + "/book");
    }

    @Test
    void the_week_view_lists_free_slots_per_resource_and_one_tap_books_a_slot() {
        String name = unique("Bureau page");
        String desk = aResource(FILATURE, "DESK", name, null);
        LocalDate day = tuesday();

        browsing(MEMBER)
                .get("/" + FILATURE + "/book?week=" + day)
                .then()
                .statusCode(200)
                .body(containsString("Réserver"))
                .body(containsString("data-name=\"" + name + "\""))
                .body(containsString("value=\"" + at(day, 9) + "\""))
                .body(containsString("id=\"next-week\""));

        String location = tapSlot(MEMBER, desk, day, 9, 13)
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + FILATURE + "/bookings?booked="))
                .extract()
                .header("Location");

        browsing(MEMBER)
                .get(location.replaceFirst("^https?://[^/]+", ""))
                .then()
                .statusCode(200)
                .body(containsString("id=\"booked\""))
                .body(containsString("C&#39;est réservé"))
                .body(containsString(name))
                .body(containsString("09:00 – 13:00"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources/" + desk + "/availability?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .body("[0].start", equalTo(offset(day, 13)));
    }

    @Test
    void a_slot_taken_meanwhile_is_refused_with_the_reason_and_the_offer_to_wait_for_it() {
        String desk = aResource(FILATURE, "DESK", unique("Bureau pris"), null);
        LocalDate day = tuesday();
        bookThroughTheApi(MANAGER, FILATURE, desk, day, 13, 17);

        tapSlot(MEMBER, desk, day, 13, 17)
                .then()
                .statusCode(409)
                .body(containsString("form-error"))
                .body(containsString("Ce créneau vient d&#39;être pris"))
                .body(containsString("id=\"join-waitlist\""));

        browsing(MEMBER)
                .formParam("resourceId", desk)
                .formParam("start", at(day, 13).toString())
                .formParam("end", at(day, 17).toString())
                .formParam("seats", "1")
                .post("/" + FILATURE + "/book/waitlist")
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + FILATURE + "/bookings?done=waiting"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .statusCode(200)
                .body(containsString("id=\"waiting\""))
                .body(containsString("En attente"));
    }

    @Test
    void a_refusal_reads_in_english_for_an_english_speaker() {
        String desk = aResource(FILATURE, "DESK", unique("Desk taken"), null);
        LocalDate day = tuesday();
        bookThroughTheApi(MANAGER, FILATURE, desk, day, 9, 13);
        org.tierslieux.server.testsupport.Demo.browsingWith(session(MEMBER))
                .cookie("lang", "en")
                .accept("text/html")
                .formParam("resourceId", desk)
                .formParam("start", at(day, 9).toString())
                .formParam("end", at(day, 13).toString())
                .post("/" + FILATURE + "/book")
                .then()
                .statusCode(409)
                .body(containsString("This slot was just taken or is full"))
                .body(containsString("Join the waiting list"));
    }

    @Test
    void a_slot_freed_for_a_waiting_member_is_confirmed_from_my_bookings() {
        String name = unique("Bureau attente");
        String desk = aResource(FILATURE, "DESK", name, null);
        LocalDate day = tuesday();
        String taken = bookThroughTheApi(MANAGER, FILATURE, desk, day, 9, 13);
        browsing(MEMBER)
                .formParam("resourceId", desk)
                .formParam("start", at(day, 9).toString())
                .formParam("end", at(day, 13).toString())
                .post("/" + FILATURE + "/book/waitlist")
                .then()
                .statusCode(303);

        as(MANAGER)
                .body(Map.of())
                .post("/api/v1/places/" + FILATURE + "/bookings/" + taken + "/cancel")
                .then()
                .statusCode(200);

        String offered = as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/waitlist/mine")
                .then()
                .extract()
                .path("find { it.resourceId == '" + desk + "' }.offeredBookingId");
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .statusCode(200)
                .body(containsString("data-status=\"HELD\" data-resource-name=\"" + name + "\""))
                .body(containsString("À confirmer"))
                .body(containsString("/" + FILATURE + "/bookings/" + offered + "/confirm"));
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/" + offered + "/confirm")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=confirmed"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/bookings/" + offered)
                .then()
                .body("status", equalTo("CONFIRMED"));
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/" + offered + "/confirm")
                .then()
                .statusCode(409)
                .body(containsString("form-error"));
    }

    @Test
    void a_member_leaves_a_waiting_list() {
        String desk = aResource(FILATURE, "DESK", unique("Bureau quitté"), null);
        LocalDate day = tuesday();
        bookThroughTheApi(MANAGER, FILATURE, desk, day, 13, 17);
        browsing(MEMBER)
                .formParam("resourceId", desk)
                .formParam("start", at(day, 13).toString())
                .formParam("end", at(day, 17).toString())
                .post("/" + FILATURE + "/book/waitlist")
                .then()
                .statusCode(303);
        String entry = as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/waitlist/mine")
                .then()
                .extract()
                .path("find { it.resourceId == '" + desk + "' }.id");
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .body(containsString("/" + FILATURE + "/bookings/waitlist/" + entry + "/withdraw"));
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/waitlist/" + entry + "/withdraw")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=withdrawn"));
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/waitlist/" + entry + "/withdraw")
                .then()
                .statusCode(409)
                .body(containsString("n&#39;est plus en attente"));
    }

    @Test
    void a_member_creates_a_calendar_link_shown_once_and_deletes_it() {
        String page = browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/calendar-feed")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("id=\"feed-url\""))
                .body(containsString("webcal://"))
                .extract()
                .asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\"]+(/ical/tlc_[^\"]+\\.ics)")
                .matcher(page);
        org.assertj.core.api.Assertions.assertThat(link.find())
                .as("a feed link in the page")
                .isTrue();
        String feed = link.group(1);
        RestAssured.given().get(feed).then().statusCode(200).contentType(containsString("text/calendar"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .body(containsString("id=\"create-feed\""))
                .body(not(containsString("/ical/tlc_")));

        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/calendar-feed/revoke")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=feed-revoked"));
        RestAssured.given().get(feed).then().statusCode(404);
    }

    @Test
    void a_member_cancels_a_booking_after_a_confirmation_step() {
        String name = unique("Salle annulée");
        String room = aResource(FILATURE, "ROOM", name, 4);
        LocalDate day = tuesday();
        String booking = bookThroughTheApi(MEMBER, FILATURE, room, day, 10, 11);

        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .statusCode(200)
                .body(containsString("Mes réservations"))
                .body(containsString(name))
                .body(containsString("/" + FILATURE + "/bookings/" + booking + "/cancel"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(200)
                .body(containsString("Annuler cette réservation ?"))
                .body(containsString(name));
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=cancelled"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/bookings/" + booking)
                .then()
                .body("status", equalTo("CANCELLED"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings?done=cancelled")
                .then()
                .body(containsString("Réservation annulée."))
                .body(containsString("Annulée"));
    }

    @Test
    void a_cancellation_after_the_deadline_is_refused_with_the_reason() {
        String room = aResource(FILATURE, "ROOM", unique("Salle délai"), 4);
        as(MANAGER)
                .body(Map.of("cancelDeadlineMinutes", 525_600))
                .put("/api/v1/places/" + FILATURE + "/rules/resources/" + room)
                .then()
                .statusCode(200);
        String booking = bookThroughTheApi(MEMBER, FILATURE, room, tuesday(), 14, 15);
        browsing(MEMBER)
                .post("/" + FILATURE + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(409)
                .body(containsString("form-error"))
                .body(containsString("Il est trop tard pour annuler"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/bookings/" + booking)
                .then()
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void the_resource_page_books_several_slots_and_seats_of_a_pool_and_keeps_a_refused_choice() {
        String name = unique("Open space test");
        String pool = aResource(FILATURE, "DESK_POOL", name, 5);
        LocalDate day = tuesday();
        browsing(MEMBER)
                .get("/" + FILATURE + "/book/" + pool + "?week=" + day)
                .then()
                .statusCode(200)
                .body(containsString("Réservation plus longue"))
                .body(containsString("max=\"5\""))
                .body(containsString("<option value=\"09:00\""))
                .body(containsString("<option value=\"17:00\""));

        browsing(MEMBER)
                .formParam("day", day.toString())
                .formParam("from", "09:00")
                .formParam("to", "17:00")
                .formParam("seats", "2")
                .formParam("week", day.toString())
                .post("/" + FILATURE + "/book/" + pool)
                .then()
                .statusCode(303)
                .header("Location", containsString("/bookings?booked="));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources/" + pool + "/availability?from=" + day + "&to=" + day)
                .then()
                .body("[0].free", equalTo(3));

        browsing(MEMBER)
                .formParam("day", day.toString())
                .formParam("from", "09:00")
                .formParam("to", "17:00")
                .formParam("seats", "trois")
                .formParam("week", day.toString())
                .post("/" + FILATURE + "/book/" + pool)
                .then()
                .statusCode(422)
                .body(containsString("« trois » ne convient pas pour « Places »"))
                .body(containsString("value=\"trois\""));
        browsing(MEMBER)
                .formParam("day", day.toString())
                .formParam("from", "13:00")
                .formParam("to", "09:00")
                .post("/" + FILATURE + "/book/" + pool)
                .then()
                .statusCode(422)
                .body(containsString("La fin doit être après le début"));
    }

    @Test
    void a_machine_that_requires_a_training_refuses_until_the_manager_marks_the_member_qualified() {
        String trainingName = unique("Formation fraiseuse");
        String training = aResource(ATELIER, "TRAINING", trainingName, 6);
        String machineName = unique("Fraiseuse page");
        // the resource form now sets the booking step and the required training
        browsing(MANAGER)
                .get("/" + ATELIER + "/resources/new")
                .then()
                .statusCode(200)
                .body(containsString("name=\"slotMinutes\""))
                .body(containsString("<option value=\"" + training + "\">" + trainingName));
        browsing(MANAGER)
                .formParam("kind", "MACHINE")
                .formParam("name", machineName)
                .formParam("slotMinutes", "60")
                .formParam("requiresTraining", training)
                .post("/" + ATELIER + "/resources")
                .then()
                .statusCode(303);
        String machine = as(MANAGER)
                .get("/api/v1/places/" + ATELIER + "/resources?size=200")
                .then()
                .extract()
                .path("items.find { it.name == '" + machineName + "' }.id");
        browsing(MANAGER)
                .get("/" + ATELIER + "/resources/" + machine + "/edit")
                .then()
                .body(containsString("value=\"60\""))
                .body(containsString("<option value=\"" + training + "\" selected>"));

        LocalDate day = tuesday();
        browsing(MEMBER)
                .formParam("day", day.toString())
                .formParam("from", "10:00")
                .formParam("to", "11:00")
                .post("/" + ATELIER + "/book/" + machine)
                .then()
                .statusCode(422)
                .body(containsString("Il faut avoir suivi la formation « " + trainingName + " »"));

        // a session, booked by the member, then the manager qualifies them from the attendees
        LocalDate sessionDay = day.minusDays(1);
        browsing(MANAGER)
                .formParam("day", sessionDay.toString())
                .formParam("from", "14:00")
                .formParam("to", "16:00")
                .formParam("title", "Prise en main")
                .post("/" + ATELIER + "/manage/trainings/" + training + "/sessions")
                .then()
                .statusCode(303);
        browsing(MEMBER)
                .get("/" + ATELIER + "/book?week=" + sessionDay)
                .then()
                .statusCode(200)
                .body(containsString("data-name=\"" + trainingName + "\""));
        bookThroughTheApi(MEMBER, ATELIER, training, sessionDay, 14, 16);
        String memberId = as(MEMBER).get("/api/v1/me").then().extract().path("id");
        browsing(MANAGER)
                .get("/" + ATELIER + "/manage/trainings")
                .then()
                .statusCode(200)
                .body(containsString(trainingName))
                .body(containsString(machineName));
        browsing(MANAGER)
                .get("/" + ATELIER + "/manage/trainings/" + training)
                .then()
                .statusCode(200)
                .body(containsString("Prise en main"))
                .body(containsString("data-name=\"Mina Membre\""))
                .body(containsString("name=\"personId\" value=\"" + memberId + "\""));
        browsing(MANAGER)
                .formParam("personId", memberId)
                .formParam("validUntil", "")
                .post("/" + ATELIER + "/manage/trainings/" + training + "/qualifications")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=qualified"));
        browsing(MANAGER)
                .get("/" + ATELIER + "/manage/trainings/" + training + "?done=qualified")
                .then()
                .body(containsString("Habilitation enregistrée."))
                .body(containsString("class=\"booking qualified\" data-name=\"Mina Membre\""));

        browsing(MEMBER)
                .formParam("day", day.toString())
                .formParam("from", "10:00")
                .formParam("to", "11:00")
                .post("/" + ATELIER + "/book/" + machine)
                .then()
                .statusCode(303);
    }

    @Test
    void a_session_with_an_end_before_its_start_is_refused_and_the_form_keeps_what_was_typed() {
        String training = aResource(ATELIER, "TRAINING", unique("Formation soudure"), 4);
        browsing(MANAGER)
                .formParam("day", tuesday().toString())
                .formParam("from", "16:00")
                .formParam("to", "14:00")
                .formParam("title", "Titre gardé")
                .post("/" + ATELIER + "/manage/trainings/" + training + "/sessions")
                .then()
                .statusCode(422)
                .body(containsString("La fin doit être après le début"))
                .body(containsString("value=\"Titre gardé\""));
    }

    @Test
    void the_managers_calendar_shows_who_booked_and_cancels_only_with_a_reason() {
        String name = unique("Salle calendrier");
        String room = aResource(FILATURE, "ROOM", name, 6);
        LocalDate day = tuesday();
        String booking = bookThroughTheApi(MEMBER, FILATURE, room, day, 15, 16);

        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/calendar?day=" + day)
                .then()
                .statusCode(200)
                .body(containsString("Calendrier des réservations"))
                .body(containsString("data-name=\"" + name + "\""))
                .body(containsString("15:00–16:00"))
                .body(containsString("Mina Membre"));
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/calendar?day=" + day + "&view=week")
                .then()
                .statusCode(200)
                .body(containsString("calendar-week"))
                .body(containsString("Mina Membre"));

        browsing(MANAGER)
                .formParam("reason", "")
                .formParam("day", day.toString())
                .formParam("view", "day")
                .post("/" + FILATURE + "/manage/calendar/bookings/" + booking + "/cancel")
                .then()
                .statusCode(422)
                .body(containsString("Indiquez la raison de l&#39;annulation"));
        browsing(MANAGER)
                .formParam("day", day.toString())
                .post("/" + FILATURE + "/manage/calendar/bookings/" + booking + "/no-show")
                .then()
                .statusCode(409)
                .body(containsString("On ne peut pas marquer une absence avant le début"));
        browsing(MANAGER)
                .formParam("reason", "Salle réquisitionnée pour l'AG")
                .formParam("day", day.toString())
                .formParam("view", "day")
                .post("/" + FILATURE + "/manage/calendar/bookings/" + booking + "/cancel")
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + FILATURE + "/manage/calendar?day=" + day + "&view=day"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings")
                .then()
                .body(containsString("Salle réquisitionnée pour l&#39;AG"));
    }

    @Test
    void a_closure_over_bookings_lists_them_and_cancels_them_on_request() {
        String name = unique("Imprimante");
        String printer = aResource(FILATURE, "ROOM", name, 2);
        LocalDate day = tuesday();
        bookThroughTheApi(MEMBER, FILATURE, printer, day, 9, 10);

        browsing(MANAGER)
                .formParam("resourceId", "")
                .formParam("kind", "MAINTENANCE")
                .formParam("start", day + "T08:00")
                .formParam("end", day + "T19:00")
                .formParam("reason", "Raison gardée")
                .post("/" + FILATURE + "/manage/closures")
                .then()
                .statusCode(422)
                .body(containsString("Une maintenance porte sur une ressource"))
                .body(containsString("value=\"Raison gardée\""));

        String location = browsing(MANAGER)
                .formParam("resourceId", printer)
                .formParam("kind", "MAINTENANCE")
                .formParam("start", day + "T08:00")
                .formParam("end", day + "T19:00")
                .formParam("reason", "Révision annuelle")
                .post("/" + FILATURE + "/manage/closures")
                .then()
                .statusCode(303)
                .extract()
                .header("Location")
                .replaceFirst("^https?://[^/]+", "");
        browsing(MANAGER)
                .get(location)
                .then()
                .statusCode(200)
                .body(containsString("Mina Membre"))
                .body(containsString("Garder les réservations"))
                .body(containsString("id=\"cancel-affected\""));
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/closures")
                .then()
                .statusCode(200)
                .body(containsString(name))
                .body(containsString("Révision annuelle"));
        browsing(MANAGER)
                .formParam("reason", "Révision annuelle")
                .post(location + "/cancel-affected")
                .then()
                .statusCode(303)
                .header("Location", containsString("cancelled=1"));
        browsing(MANAGER)
                .get(location + "?cancelled=1")
                .then()
                .body(containsString("1 réservation(s) annulée(s)."))
                .body(containsString("id=\"no-affected\""));
        browsing(MEMBER)
                .get("/" + FILATURE + "/book/" + printer + "?week=" + day)
                .then()
                .body(not(containsString("value=\"" + at(day, 9) + "\"")));

        browsing(MANAGER)
                .post(location + "/delete")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=reopened"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/book/" + printer + "?week=" + day)
                .then()
                .body(containsString("value=\"" + at(day, 9) + "\""));
    }

    @Test
    void rules_are_set_per_resource_refused_when_absurd_and_shown_in_force() {
        String name = unique("Salle règles");
        String room = aResource(FILATURE, "ROOM", name, 6);
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/rules")
                .then()
                .statusCode(200)
                .body(containsString("Règles de réservation"))
                .body(containsString("Tout le lieu"))
                .body(containsString(name));
        browsing(MANAGER)
                .formParam("maxMinutes", "beaucoup")
                .post("/" + FILATURE + "/manage/rules/resources/" + room)
                .then()
                .statusCode(422)
                .body(containsString("« beaucoup » ne convient pas pour « Durée max. (min) »"))
                .body(containsString("value=\"beaucoup\""));
        browsing(MANAGER)
                .formParam("minMinutes", "120")
                .formParam("maxMinutes", "60")
                .post("/" + FILATURE + "/manage/rules/resources/" + room)
                .then()
                .statusCode(422)
                .body(containsString("La durée minimale (120 min) dépasse la durée maximale (60 min)"));
        browsing(MANAGER)
                .formParam("maxMinutes", "120")
                .formParam("audience", "STAFF")
                .post("/" + FILATURE + "/manage/rules/resources/" + room)
                .then()
                .statusCode(303);
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/rules?saved=resource-" + room)
                .then()
                .body(containsString("Règles enregistrées."))
                .body(containsString("Durée max. (min) 120 min"))
                .body(containsString("L&#39;équipe seulement"));
        browsing(MEMBER)
                .formParam("day", tuesday().toString())
                .formParam("from", "10:00")
                .formParam("to", "11:00")
                .post("/" + FILATURE + "/book/" + room)
                .then()
                .statusCode(422)
                .body(containsString("réservée à l&#39;équipe du lieu"));
    }

    @Test
    void opening_hours_of_a_place_and_of_a_resource_are_edited_through_the_pages() {
        String slug = "horaires-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        as(ADMIN)
                .body(aPlace(slug, "Le Hangar"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        browsing(ADMIN)
                .formParam("email", MANAGER)
                .formParam("roles", "MANAGER")
                .post("/" + slug + "/members")
                .then()
                .statusCode(303);
        String machine = aResource(slug, "MACHINE", "Tour à bois", null);

        browsing(MANAGER)
                .get("/" + slug + "/manage/hours")
                .then()
                .statusCode(200)
                .body(containsString("id=\"default-hours\""))
                .body(containsString("name=\"opens-MONDAY-1\" value=\"09:00\""))
                .body(containsString("Suit les horaires du lieu"));
        browsing(MANAGER)
                .formParam("opens-MONDAY-1", "08:00")
                .formParam("closes-MONDAY-1", "12:00")
                .formParam("opens-MONDAY-2", "11:00")
                .formParam("closes-MONDAY-2", "19:00")
                .post("/" + slug + "/manage/hours")
                .then()
                .statusCode(422)
                .body(containsString("Le lundi, deux plages se chevauchent"))
                .body(containsString("name=\"opens-MONDAY-2\" value=\"11:00\""));
        browsing(MANAGER)
                .formParam("opens-MONDAY-1", "08:00")
                .formParam("closes-MONDAY-1", "12:00")
                .formParam("opens-MONDAY-2", "13:00")
                .formParam("closes-MONDAY-2", "19:00")
                .formParam("opens-SATURDAY-1", "10:00")
                .formParam("closes-SATURDAY-1", "")
                .post("/" + slug + "/manage/hours")
                .then()
                .statusCode(422)
                .body(containsString("Le samedi, indiquez l&#39;ouverture et la fermeture"));
        browsing(MANAGER)
                .formParam("opens-MONDAY-1", "08:00")
                .formParam("closes-MONDAY-1", "12:00")
                .formParam("opens-MONDAY-2", "13:00")
                .formParam("closes-MONDAY-2", "19:00")
                .post("/" + slug + "/manage/hours")
                .then()
                .statusCode(303)
                .header("Location", containsString("saved=1"));
        as(MANAGER)
                .get("/api/v1/places/" + slug + "/opening-hours")
                .then()
                .body("hours.size()", equalTo(2))
                .body("hours[1].closes", equalTo("19:00:00"));

        browsing(MANAGER)
                .formParam("opens-WEDNESDAY-1", "10:00")
                .formParam("closes-WEDNESDAY-1", "11:30")
                .post("/" + slug + "/manage/hours/resources/" + machine)
                .then()
                .statusCode(303);
        browsing(MANAGER)
                .get("/" + slug + "/manage/hours")
                .then()
                .body(containsString("mer. 10:00–11:30"))
                .body(not(containsString("id=\"default-hours\"")));
        browsing(MANAGER)
                .post("/" + slug + "/manage/hours/resources/" + machine + "/follow")
                .then()
                .statusCode(303);
        as(MANAGER)
                .get("/api/v1/places/" + slug + "/resources/" + machine + "/opening-hours")
                .then()
                .body("inherited", equalTo(true));
    }

    @Test
    void members_see_the_booking_links_and_managers_the_management_ones() {
        browsing(MEMBER)
                .get("/" + FILATURE)
                .then()
                .statusCode(200)
                .body(containsString("id=\"nav-book\""))
                .body(containsString("id=\"nav-bookings\""))
                .body(containsString("class=\"book-resource\""))
                .body(not(containsString("id=\"nav-calendar\"")));
        browsing(MANAGER)
                .get("/" + FILATURE)
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("id=\"nav-calendar\""),
                        containsString("id=\"nav-hours\""),
                        containsString("id=\"nav-closures\""),
                        containsString("id=\"nav-rules\""),
                        containsString("id=\"nav-trainings\"")));
    }

    @Test
    void management_pages_are_refused_to_members_and_booking_pages_to_strangers() {
        for (String page : List.of("calendar", "hours", "closures", "rules", "trainings")) {
            browsing(MEMBER)
                    .get("/" + FILATURE + "/manage/" + page)
                    .then()
                    .statusCode(403)
                    .body(containsString("error-detail"));
        }
        browsing(MEMBER)
                .formParam("reason", "non")
                .post("/" + FILATURE + "/manage/closures")
                .then()
                .statusCode(403);
        browsing(MEMBER2).get("/" + FILATURE + "/book").then().statusCode(403);
        browsing(MEMBER2).get("/" + FILATURE + "/bookings").then().statusCode(403);
        RestAssured.given()
                .redirects()
                .follow(false)
                .accept("text/html")
                .get("/" + FILATURE + "/bookings")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void odd_addresses_give_clear_pages_not_crashes() {
        browsing(MEMBER).get("/" + FILATURE + "/book?week=not-a-date").then().statusCode(200);
        browsing(MEMBER).get("/" + FILATURE + "/book/not-a-uuid").then().statusCode(404);
        browsing(MEMBER)
                .get("/" + FILATURE + "/book/00000000-0000-0000-0000-000000000001")
                .then()
                .statusCode(404)
                .body(containsString("Ressource introuvable"));
        browsing(MEMBER)
                .get("/" + FILATURE + "/bookings/00000000-0000-0000-0000-000000000001/cancel")
                .then()
                .statusCode(404);
        browsing(MEMBER)
                .formParam("resourceId", "garbage")
                .formParam("start", "yesterday")
                .post("/" + FILATURE + "/book")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        browsing(MANAGER)
                .get("/" + FILATURE + "/manage/calendar?day=99999-01-01")
                .then()
                .statusCode(200);
    }
}
