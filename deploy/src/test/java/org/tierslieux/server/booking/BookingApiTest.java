package org.tierslieux.server.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingApiTest {

    private static final String PLACE = "/api/v1/places/" + FILATURE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static String aResource(String kind, String name, Integer capacity) {
        var body = new java.util.HashMap<String, Object>(Map.of("kind", kind, "name", name));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return as(MANAGER)
                .body(body)
                .post(PLACE + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static LocalDate aTuesday() {
        return org.tierslieux.server.testsupport.Bookings.aTuesday();
    }

    static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Test
    void a_member_books_a_free_room_and_the_second_booking_of_the_slot_is_refused() {
        String room = aResource("ROOM", "Salle test " + System.nanoTime(), 6);
        LocalDate day = aTuesday();
        as(MEMBER)
                .body(Map.of("resourceId", room, "start", at(day, 10), "end", at(day, 12)))
                .post(PLACE + "/bookings")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("resourceId", equalTo(room));
        as(MANAGER)
                .body(Map.of("resourceId", room, "start", at(day, 11), "end", at(day, 13)))
                .post(PLACE + "/bookings")
                .then()
                .statusCode(409)
                .body("code", equalTo("booking.unavailable"));
        as(MEMBER)
                .get(PLACE + "/resources/" + room + "/availability?from=" + day + "&to=" + day)
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].end", equalTo(at(day, 10)))
                .body("[1].start", equalTo(at(day, 12)));
        as(MEMBER).get(PLACE + "/bookings/mine").then().statusCode(200).body("total", greaterThan(0));
    }
}
