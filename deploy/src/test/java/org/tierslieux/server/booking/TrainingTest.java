package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.book;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.personId;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.session;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.Fixtures.Place;

/** A machine that requires a training: members book a session, are marked qualified, then book the machine. */
@QuarkusTest
class TrainingTest {

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    private Response grant(String training, UUID person, LocalDate validUntil) {
        var body = new HashMap<String, Object>(Map.of("personId", person.toString()));
        if (validUntil != null) {
            body.put("validUntil", validUntil.toString());
        }
        return as(MANAGER).body(body).post(place.api() + "/trainings/" + training + "/qualifications");
    }

    @Test
    void a_member_trained_and_marked_qualified_books_the_machine_until_revoked() {
        String training = aResource("TRAINING").capacity(4).create();
        String laser = aResource("MACHINE").requiring(training).create();
        as(MANAGER).get(place.api() + "/resources/" + laser).then().body("requiresTrainingId", equalTo(training));
        String learner = aPerson("apprentie", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        var onTheLaser = slot(laser, place.at(day, 10), place.at(day, 11));

        var refusal = book(learner, place, onTheLaser);
        refused(refusal, 403, "booking.training-required");
        String trainingName = as(MANAGER)
                .get(place.api() + "/resources/" + training)
                .then()
                .extract()
                .path("name");
        assertThat(refusal.jsonPath().getString("detail")).contains(trainingName);

        // the training is booked by session, and only by session
        String sessionStart = place.at(day.minusDays(1), 18);
        String sessionEnd = place.at(day.minusDays(1), 20);
        session(place, training, sessionStart, sessionEnd);
        refused(
                book(learner, place, slot(training, place.at(day.minusDays(1), 17), sessionEnd)),
                422,
                "booking.no-session");
        refused(book(learner, place, slot(training, place.at(day, 10), place.at(day, 12))), 422, "booking.no-session");
        booked(learner, place, slot(training, sessionStart, sessionEnd));
        as(learner)
                .get(place.api() + "/resources/" + training + "/sessions?from=" + day.minusDays(1) + "&to=" + day)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].start", equalTo(sessionStart));

        // members do not qualify themselves
        as(learner)
                .body(Map.of("personId", personId(learner).toString()))
                .post(place.api() + "/trainings/" + training + "/qualifications")
                .then()
                .statusCode(403);
        String qualification = grant(training, personId(learner), null)
                .then()
                .statusCode(201)
                .body("personId", equalTo(personId(learner).toString()))
                .body("validUntil", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("id");
        as(learner)
                .get(place.api() + "/qualifications/mine")
                .then()
                .body("trainingId", org.hamcrest.Matchers.hasItem(training));
        as(MANAGER)
                .get(place.api() + "/trainings/" + training + "/qualifications")
                .then()
                .body(
                        "personId",
                        org.hamcrest.Matchers.hasItem(personId(learner).toString()));
        String onLaser = booked(learner, place, onTheLaser);

        as(MANAGER)
                .post(place.api() + "/qualifications/" + qualification + "/revoke")
                .then()
                .statusCode(200);
        refused(
                book(learner, place, slot(laser, place.at(day, 14), place.at(day, 15))),
                403,
                "booking.training-required");
        refused(
                as(MANAGER).post(place.api() + "/qualifications/" + qualification + "/revoke"),
                409,
                "qualification.already-revoked");
        // bookings made while qualified stay
        assertThat(Fixtures.status(learner, place, onLaser)).isEqualTo("CONFIRMED");
    }

    @Test
    void a_qualification_with_an_end_date_covers_bookings_until_that_day_only() {
        String training = aResource("TRAINING").create();
        String lathe = aResource("MACHINE").requiring(training).create();
        String learner = aPerson("tourneur", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);

        refused(
                grant(training, personId(learner), LocalDate.now(place.zone()).minusDays(1)),
                422,
                "qualification.already-expired");
        refused(grant(training, personId(learner), LocalDate.MAX), 422, "qualification.absurd-date");
        grant(training, personId(learner), day).then().statusCode(201).body("validUntil", equalTo(day.toString()));
        // valid through the last day, not after
        booked(learner, place, slot(lathe, place.at(day, 16), place.at(day, 18)));
        refused(
                book(learner, place, slot(lathe, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 10))),
                403,
                "booking.training-required");
        // a renewal replaces the qualification and extends it
        grant(training, personId(learner), day.plusWeeks(4)).then().statusCode(201);
        booked(learner, place, slot(lathe, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 10)));
        as(MANAGER)
                .get(place.api() + "/trainings/" + training + "/qualifications")
                .then()
                .body("findAll { it.personId == '" + personId(learner) + "' }", hasSize(1));
    }

    @Test
    void qualifications_are_given_on_trainings_to_members_of_the_place_only() {
        String training = aResource("TRAINING").create();
        String machine = aResource("MACHINE").create();
        refused(
                grant(machine, personId(Fixtures.aPerson("membre", place, "MEMBER")), null),
                422,
                "qualification.not-a-training");
        refused(grant(training, personId(MEMBER2), null), 404, "person.not-found");
        refused(grant(UUID.randomUUID().toString(), personId(MEMBER2), null), 404, "resource.not-found");
        // a training of another place is unknown here
        String elsewhere = as(MANAGER)
                .body(Map.of("kind", "TRAINING", "name", Fixtures.unique("formation")))
                .post("/api/v1/places/" + org.tierslieux.server.testsupport.Demo.ATELIER + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refused(
                grant(elsewhere, personId(org.tierslieux.server.testsupport.Demo.MEMBER), null),
                404,
                "resource.not-found");
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", Fixtures.unique("cnc"), "requiresTrainingId", elsewhere))
                .post(place.api() + "/resources")
                .then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)));
    }
}
