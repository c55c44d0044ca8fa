package org.tierslieux.server.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Bookings.PARIS;
import static org.tierslieux.server.testsupport.Bookings.aResource;
import static org.tierslieux.server.testsupport.Bookings.aTuesday;
import static org.tierslieux.server.testsupport.Bookings.at;
import static org.tierslieux.server.testsupport.Bookings.book;
import static org.tierslieux.server.testsupport.Bookings.horizon;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.demo.FrenchHolidays;

/**
 * Feeds with real bookings: the right instants on both sides of a daylight-saving change (the tests run in
 * Pacific/Chatham, the place in Paris), every place of the member, and never anybody's name in a member's feed.
 */
@QuarkusTest
class BookingFeedsTest {

    @Test
    void a_member_feed_shows_their_bookings_in_every_place_at_the_right_times_across_a_clock_change() throws Exception {
        // the next change of Paris clocks at least two weeks ahead, and the weekdays around it
        var change = PARIS.getRules().nextTransition(Instant.now().plusSeconds(14 * 86_400));
        LocalDate sunday = change.getDateTimeBefore().toLocalDate();
        LocalDate friday = sunday.minusDays(2);
        // the Monday after, or the next working day when it is Easter Monday (the demo places close then)
        LocalDate monday = FrenchHolidays.notOn(sunday.plusDays(1));

        String name = "Salle agenda " + System.nanoTime();
        String room = aResource(FILATURE, "ROOM", name);
        horizon(FILATURE, room, 365);
        String before = book(MEMBER, FILATURE, room, at(friday, 10), at(friday, 12));
        String after = book(MEMBER, FILATURE, room, at(monday, 10), at(monday, 12));
        String cancelled = book(MEMBER, FILATURE, room, at(monday, 14), at(monday, 15));
        as(MEMBER)
                .body(Map.of())
                .post("/api/v1/places/" + FILATURE + "/bookings/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        String managers = book(MANAGER, FILATURE, room, at(friday, 14), at(friday, 16));
        String workshop = aResource(ATELIER, "ROOM", "Atelier agenda " + System.nanoTime());
        LocalDate tuesday = aTuesday();
        String elsewhere = book(MEMBER, ATELIER, workshop, at(tuesday, 9), at(tuesday, 10));
        String others = book(MEMBER2, ATELIER, workshop, at(tuesday, 10), at(tuesday, 11));

        String url = as(MEMBER)
                .post("/api/v1/me/calendar-feed")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        String body = given().get(URI.create(url).getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        calendar.validate();

        VEvent friday10 = event(calendar, before).orElseThrow();
        VEvent monday10 = event(calendar, after).orElseThrow();
        assertThat(instant(friday10, Property.DTSTART))
                .isEqualTo(friday.atTime(10, 0).atZone(PARIS).toInstant());
        assertThat(instant(friday10, Property.DTEND))
                .isEqualTo(friday.atTime(12, 0).atZone(PARIS).toInstant());
        assertThat(instant(monday10, Property.DTSTART))
                .isEqualTo(monday.atTime(10, 0).atZone(PARIS).toInstant());
        // the same local hour, a different offset: an hour apart in UTC, as it should be
        ZoneOffset offsetBefore = PARIS.getRules().getOffset(instant(friday10, Property.DTSTART));
        ZoneOffset offsetAfter = PARIS.getRules().getOffset(instant(monday10, Property.DTSTART));
        assertThat(offsetBefore).isNotEqualTo(offsetAfter);
        assertThat(tzid(friday10)).contains("Europe/Paris");
        assertThat(text(friday10, Property.SUMMARY)).isEqualTo(name + " · " + placeName(FILATURE));
        assertThat(text(friday10, Property.LOCATION)).startsWith(placeName(FILATURE));
        assertThat(text(friday10, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(text(friday10, Property.UID)).isEqualTo(before + "@tierslieux");
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();

        assertThat(event(calendar, elsewhere))
                .as("a booking in the member's other place")
                .isPresent();
        assertThat(event(calendar, cancelled)).as("a cancelled booking").isEmpty();
        assertThat(event(calendar, managers)).as("another person's booking").isEmpty();
        assertThat(event(calendar, others)).as("another person's booking").isEmpty();
        // nobody's name, not even the member's own
        assertThat(body)
                .doesNotContain(
                        "Mina Membre", "Malo Membre", "Marc Manager", "Théo Trésorier", "Alice Admin", "@demo.test");
    }

    @Test
    void a_resource_feed_shows_every_booking_of_the_resource_with_who_booked() throws Exception {
        String name = "Salle suivie " + System.nanoTime();
        String room = aResource(ATELIER, "ROOM", name);
        LocalDate day = aTuesday();
        String mine = book(MEMBER, ATELIER, room, at(day, 9), at(day, 10));
        String theirs = book(MEMBER2, ATELIER, room, at(day, 10), at(day, 12));

        String url = as(MANAGER)
                .post("/api/v1/places/" + ATELIER + "/resources/" + room + "/calendar-feed")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        String body = given().get(URI.create(url).getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        calendar.validate();

        assertThat(text(event(calendar, mine).orElseThrow(), Property.SUMMARY)).isEqualTo("Mina Membre · " + name);
        assertThat(text(event(calendar, theirs).orElseThrow(), Property.SUMMARY))
                .isEqualTo("Malo Membre · " + name);
        assertThat(instant(event(calendar, theirs).orElseThrow(), Property.DTEND))
                .isEqualTo(day.atTime(12, 0).atZone(PARIS).toInstant());
    }

    static Optional<VEvent> event(Calendar calendar, String booking) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> text(e, Property.UID).equals(booking + "@tierslieux"))
                .findFirst();
    }

    static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }

    static Instant instant(VEvent event, String property) {
        DateProperty<?> date = (DateProperty<?>) event.getProperty(property).orElseThrow();
        return Instant.from((Temporal) date.getDate());
    }

    static Optional<String> tzid(VEvent event) {
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        Optional<Parameter> tzid = start.getParameter(Parameter.TZID);
        return tzid.map(Parameter::getValue);
    }

    static String placeName(String slug) {
        return as(MEMBER).get("/api/v1/me").then().extract().path("places.find { it.slug == '" + slug + "' }.name");
    }
}
